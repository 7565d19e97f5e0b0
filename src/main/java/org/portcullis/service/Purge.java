package org.portcullis.service;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import org.portcullis.db.AccountTokenDao;
import org.portcullis.db.MailOutboxDao;
import org.portcullis.db.SessionDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Deletes rows no request can use any more, so the tables stop growing: sessions that expired or were
 * revoked more than the retention ago (kept that long so a recent revocation can still be looked up after
 * an incident), throttle rows whose window has closed (they count nothing any more), mails sent or given up
 * more than the retention ago, mailed tokens that expired more than the retention ago, and audit events
 * older than the audit retention.
 *
 * <p>Each table is one DELETE of its own and no transaction spans them: every statement is complete by
 * itself and repeating it is harmless, so a run that fails half-way leaves only rows the next run removes,
 * while one transaction would hold the locks of every table at once for nothing. Several instances may
 * purge at the same time for the same reason.
 */
public final class Purge {
    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);

    /** What one purge removed. */
    public record Removed(int sessions, int throttleRows, int mails, int accountTokens, int auditEvents) {
    }

    /**
     * A throttle table: its rows whose window of length {@code window} has ended are dead. Their windows
     * are timed by the database's clock, so the database also decides which have ended.
     *
     * @param deleteEndedWindows deletes those rows for the given window length, returns how many
     */
    public record ThrottleTable(String name, Duration window, ToIntFunction<Duration> deleteEndedWindows) {
    }

    private final SessionDao sessions;
    private final MailOutboxDao outbox;
    private final AccountTokenDao accountTokens;
    private final List<ThrottleTable> throttleTables;
    private final Duration retention;
    private final Clock clock;
    private final Counter sessionsRemoved;
    private final Counter throttleRowsRemoved;
    private final AuditTrail audit;
    private final Duration auditRetention;
    private final Counter auditEventsRemoved;

    /** @param auditRetention audit events older than this are deleted ({@code audit.retention}, 90 days) */
    public Purge(SessionDao sessions, MailOutboxDao outbox, AccountTokenDao accountTokens,
                 List<ThrottleTable> throttleTables, Duration retention, AuditTrail audit, Duration auditRetention,
                 Clock clock, MetricRegistry metrics) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.accountTokens = accountTokens;
        this.throttleTables = List.copyOf(throttleTables);
        this.retention = retention;
        this.audit = audit;
        this.auditRetention = auditRetention;
        this.auditEventsRemoved = metrics.counter("portcullis.purge.audit_events_removed");
        this.clock = clock;
        this.sessionsRemoved = metrics.counter("portcullis.purge.sessions_removed");
        this.throttleRowsRemoved = metrics.counter("portcullis.purge.throttle_rows_removed");
    }

    /** Deletes the dead rows now and counts them in the metrics. */
    public Removed purgeExpired() {
        Instant now = clock.instant();
        int sessionRows = sessions.deleteEndedBefore(now.minus(retention));
        sessionsRemoved.inc(sessionRows);
        int throttleRows = 0;
        for (ThrottleTable table : throttleTables) {
            int removed = table.deleteEndedWindows().applyAsInt(table.window());
            LOG.debug("Purge removed {} rows of {}", removed, table.name());
            throttleRowsRemoved.inc(removed);
            throttleRows += removed;
        }
        int mails = outbox.deleteFinishedBefore(now.minus(retention));
        int tokens = accountTokens.deleteExpiredBefore(now.minus(retention));
        int auditRows = audit.forgetBefore(now.minus(auditRetention));
        auditEventsRemoved.inc(auditRows);
        LOG.info("Purge removed {} sessions, {} throttle rows, {} sent or failed mails, {} expired mail tokens and"
                + " {} audit events", sessionRows, throttleRows, mails, tokens, auditRows);
        return new Removed(sessionRows, throttleRows, mails, tokens, auditRows);
    }

    /**
     * The scheduled run. A failure (the database is down) is logged and the next run tries again: an
     * exception escaping a scheduled run would cancel every later one.
     */
    public void purgeOnSchedule() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Scheduled purge failed, the next run tries again: {}", e.toString());
        }
    }
}
