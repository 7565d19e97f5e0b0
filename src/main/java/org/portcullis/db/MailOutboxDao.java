package org.portcullis.db;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.portcullis.domain.OutgoingMail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code mail_outbox} table. A mail is inserted in the transaction of the change that causes it, on
 * that transaction's DAO ({@link Transactions.Transaction#outbox()}), so it exists exactly when the change
 * does. Senders then {@link #claim} due rows, deliver them outside any transaction, and settle each one.
 *
 * <p>A claim is a lease, not a lock held through the SMTP conversation: in one short transaction the due rows
 * are selected {@code FOR UPDATE SKIP LOCKED} (so a second sender, on this or another instance, passes over
 * them instead of waiting) and their {@code next_attempt_at} is moved to the end of the lease. Once that
 * commits no other sender sees them until the lease has run out, which only happens if this sender died
 * mid-delivery; then the mail is tried again (SMTP has no exactly-once: a crash between the server's 250
 * and our UPDATE sends it twice, the only duplicate possible). H2 2.3 accepts SKIP LOCKED but applies the
 * LIMIT before skipping, so a second claimer there finds nothing until the first commits; H2 is embedded,
 * one process, one sender, so that costs nothing.
 */
@RegisterRowMapper(OutgoingMailMapper.class)
public interface MailOutboxDao {
    @SqlUpdate("INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts,"
            + " next_attempt_at, created_at) VALUES (:id, :recipient, :subject, :textBody, :htmlBody, 'pending', 0,"
            + " :now, :now)")
    void insert(@Bind("id") UUID id, @Bind("recipient") String recipient, @Bind("subject") String subject,
                @Bind("textBody") String textBody, @Bind("htmlBody") String htmlBody, @Bind("now") Instant now);

    @SqlQuery("SELECT id, recipient, subject, text_body, html_body, attempts FROM mail_outbox"
            + " WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED")
    List<OutgoingMail> dueForUpdate(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :leaseEnd WHERE id = :id")
    int lease(@Bind("id") UUID id, @Bind("leaseEnd") Instant leaseEnd);

    /** Up to {@code limit} due mails, each leased to the caller until {@code leaseEnd} (attempts counted). */
    @Transaction
    default List<OutgoingMail> claim(Instant now, int limit, Instant leaseEnd) {
        List<OutgoingMail> due = dueForUpdate(now, limit);
        for (OutgoingMail mail : due) {
            lease(mail.id(), leaseEnd);
        }
        return due.stream().map(mail -> new OutgoingMail(mail.id(), mail.recipient(), mail.subject(),
                mail.textBody(), mail.htmlBody(), mail.attempts() + 1)).toList();
    }

    /** Delivered. The bodies are blanked: their links carry live tokens, which should not outlast the need. */
    @SqlUpdate("UPDATE mail_outbox SET status = 'sent', finished_at = :now, text_body = '', html_body = '',"
            + " last_error = NULL WHERE id = :id")
    int markSent(@Bind("id") UUID id, @Bind("now") Instant now);

    /** Not delivered this time: due again at {@code nextAttemptAt}. */
    @SqlUpdate("UPDATE mail_outbox SET next_attempt_at = :nextAttemptAt, last_error = :error WHERE id = :id")
    int retryAt(@Bind("id") UUID id, @Bind("nextAttemptAt") Instant nextAttemptAt, @Bind("error") String error);

    /** Given up after the last attempt; kept (without its bodies) for an operator until the purge. */
    @SqlUpdate("UPDATE mail_outbox SET status = 'failed', finished_at = :now, text_body = '', html_body = '',"
            + " last_error = :error WHERE id = :id")
    int markFailed(@Bind("id") UUID id, @Bind("now") Instant now, @Bind("error") String error);

    /** Deletes sent and failed mails finished before {@code cutoff}; returns how many. */
    @SqlUpdate("DELETE FROM mail_outbox WHERE status <> 'pending' AND finished_at < :cutoff")
    int deleteFinishedBefore(@Bind("cutoff") Instant cutoff);
}
