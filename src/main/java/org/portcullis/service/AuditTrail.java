package org.portcullis.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portcullis.db.AuditDao;
import org.portcullis.db.Transactions;
import org.portcullis.domain.AuthEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail of authentication decisions (OWASP ASVS 7.1.3, 7.2.1): every login's outcome, lockouts,
 * replays, password changes, revocations, operator actions and key rotations. An event is written in the
 * transaction of the change it records, so the table never tells of a change that rolled back nor lacks
 * one that committed; once committed it is also logged as one JSON line on the logger
 * {@code portcullis.audit}, for log shippers. Kept {@code audit.retention} (90 days), then purged.
 */
public final class AuditTrail {
    private static final Logger EVENTS = LoggerFactory.getLogger("portcullis.audit");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest user agent kept; the request's own limit (clients.maxUserAgentLength) is usually lower. */
    static final int MAX_USER_AGENT = 500;

    private final AuditDao events;

    public AuditTrail(AuditDao events) {
        this.events = events;
    }

    /** Records {@code event} as part of {@code transaction}; it is logged only once that commits. */
    public void record(Transactions.Transaction transaction, AuthEvent event) {
        AuthEvent bounded = bounded(event);
        transaction.audit().insert(bounded);
        transaction.afterCommit(() -> log(bounded));
    }

    /**
     * Records an event that comes with no other change (a wrong password, an operator's action done by a
     * statement of its own): one INSERT, atomic by itself, then the log line.
     */
    public void record(AuthEvent event) {
        AuthEvent bounded = bounded(event);
        events.insert(bounded);
        log(bounded);
    }

    /** The newest events, or the newest naming {@code email} when it is not blank; newest first. */
    public List<AuthEvent> search(String email, int limit) {
        return email == null || email.isBlank() ? events.newest(limit) : events.forEmail(email, limit);
    }

    /** Deletes events older than {@code cutoff}; returns how many. */
    public int forgetBefore(Instant cutoff) {
        return events.deleteBefore(cutoff);
    }

    /** The detail column's width: an over-long detail must not fail the change it records. */
    static final int MAX_DETAIL = 200;

    private static AuthEvent bounded(AuthEvent event) {
        String agent = event.userAgent();
        String detail = event.detail();
        if ((agent == null || agent.length() <= MAX_USER_AGENT) && (detail == null || detail.length() <= MAX_DETAIL)) {
            return event;
        }
        return new AuthEvent(event.id(), event.occurredAt(), event.type(), event.userId(), event.email(),
                event.sessionId(), cut(detail, MAX_DETAIL), event.address(), cut(agent, MAX_USER_AGENT));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static void log(AuthEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", event.type().name());
        line.put("at", event.occurredAt().toString());
        putIfPresent(line, "user_id", event.userId() == null ? null : event.userId().toString());
        putIfPresent(line, "email", event.email());
        putIfPresent(line, "session_id", event.sessionId() == null ? null : event.sessionId().toString());
        putIfPresent(line, "detail", event.detail());
        putIfPresent(line, "address", event.address());
        putIfPresent(line, "user_agent", event.userAgent());
        try {
            // JSON escapes quotes and control characters, so a user agent cannot forge a second log line.
            EVENTS.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            EVENTS.warn("audit event {} could not be written as JSON", event.type());
        }
    }

    private static void putIfPresent(ObjectNode line, String field, String value) {
        if (value != null) {
            line.put(field, value);
        }
    }
}
