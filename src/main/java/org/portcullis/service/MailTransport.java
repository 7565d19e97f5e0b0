package org.portcullis.service;

import jakarta.mail.MessagingException;
import org.portcullis.domain.OutgoingMail;

import java.io.IOException;

/**
 * Where the outbox sender hands mail: an SMTP relay ({@link SmtpTransport}) or .eml files
 * ({@link FileTransport}). A sender opens one {@link Delivery} per batch, so a relay's connection, TLS
 * handshake and AUTH are paid once per batch rather than once per mail.
 */
public interface MailTransport {
    /** @throws MessagingException when the relay cannot be reached or refuses us; the batch is retried */
    Delivery open() throws MessagingException;

    /** One connection's worth of deliveries. */
    interface Delivery extends AutoCloseable {
        /** Returns once the relay has accepted the mail (or the file is written). */
        void send(OutgoingMail mail) throws MessagingException, IOException;

        @Override
        void close() throws MessagingException;
    }
}
