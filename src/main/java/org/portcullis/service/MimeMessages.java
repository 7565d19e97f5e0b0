package org.portcullis.service;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.portcullis.domain.OutgoingMail;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * An outbox mail as a MIME message: multipart/alternative with the plain-text part first and the HTML part
 * last (the one a capable client shows), UTF-8. The Message-ID is the outbox row's id, so a mail delivered
 * twice (a sender died between the relay's acceptance and the row's update) is recognisably one message.
 */
final class MimeMessages {
    private MimeMessages() {
    }

    static MimeMessage of(OutgoingMail mail, Session session, InternetAddress from) throws MessagingException {
        String messageId = "<" + mail.id() + "@portcullis>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    /** The configured From, checked at start so a typo stops the start rather than every mail. */
    static InternetAddress from(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail.from is not an address: " + e.getMessage(), e);
        }
    }
}
