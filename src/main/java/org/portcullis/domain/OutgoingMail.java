package org.portcullis.domain;

import java.util.UUID;

/**
 * One message of the outbox, rendered and ready for a transport: a plain-text body and an HTML body of the
 * same content (sent as multipart/alternative). {@code attempts} counts the deliveries tried so far,
 * this one included once it has been claimed.
 */
public record OutgoingMail(UUID id, String recipient, String subject, String textBody, String htmlBody,
                           int attempts) {

    /** Without the bodies: they may carry a single-use link, which must never reach a log line. */
    @Override
    public String toString() {
        return "OutgoingMail[id=" + id + ", recipient=" + recipient + ", subject=" + subject + ", attempts="
                + attempts + "]";
    }
}
