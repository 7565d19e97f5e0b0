package org.portcullis.service;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.portcullis.domain.OutgoingMail;

import java.time.Duration;
import java.util.Properties;

/**
 * Delivery to an SMTP relay through Jakarta Mail (Eclipse Angus Mail). STARTTLS is used whenever the relay
 * offers it, and demanded with {@code requireStartTls}; AUTH only when a user is set. Every network step
 * has a timeout: without one a relay that accepts the connection and says nothing would hold the sender's
 * thread for ever.
 */
public final class SmtpTransport implements MailTransport {
    /** Where the relay is and how to talk to it (config.yml {@code mail.smtp}). */
    public record Relay(String host, int port, String user, String password, boolean requireStartTls,
                        Duration timeout) {
        @Override
        public String toString() {
            return "Relay[" + host + ":" + port + ", user=" + user + "]";
        }
    }

    private final Session session;
    private final Relay relay;
    private final InternetAddress from;

    public SmtpTransport(Relay relay, String from) {
        this.relay = relay;
        this.from = MimeMessages.from(from);
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", relay.host());
        properties.setProperty("mail.smtp.port", String.valueOf(relay.port()));
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(relay.requireStartTls()));
        properties.setProperty("mail.smtp.auth", String.valueOf(!relay.user().isEmpty()));
        String millis = String.valueOf(relay.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        this.session = Session.getInstance(properties);
    }

    @Override
    public Delivery open() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (relay.user().isEmpty()) {
            transport.connect();
        } else {
            transport.connect(relay.host(), relay.port(), relay.user(), relay.password());
        }
        return new Delivery() {
            @Override
            public void send(OutgoingMail mail) throws MessagingException {
                MimeMessage message = MimeMessages.of(mail, session, from);
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public void close() throws MessagingException {
                transport.close();
            }
        };
    }
}
