package org.portcullis.service;

import org.portcullis.db.Transactions;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Queues a mail: renders its template and writes it to the outbox in the caller's transaction, so the mail
 * exists if and only if the change that caused it commits (no mail for a change that rolled back, no change
 * without its mail). Nothing here talks to a mail server: the {@link OutboxSender} delivers later, so no
 * request ever waits for SMTP.
 */
public final class Mailer {
    private final MailTemplates templates;
    private final Clock clock;

    public Mailer(MailTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    public void queue(Transactions.Transaction transaction, String recipient, MailTemplates.Template template,
                      Map<String, String> values) {
        MailTemplates.Rendered mail = templates.render(template, values);
        transaction.outbox().insert(UUID.randomUUID(), recipient, mail.subject(), mail.text(), mail.html(),
                clock.instant());
    }
}
