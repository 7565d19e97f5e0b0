package org.portcullis.service;

import org.portcullis.db.CallerReads;
import org.portcullis.db.Transactions;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.Caller;
import org.portcullis.domain.ClientOrigin;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.Session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's device sessions: listing and the three ways to end them, each recorded in the audit trail in
 * the transaction that ends the session.
 */
public final class SessionService {
    private final Transactions transactions;
    private final CallerReads reads;
    private final AuditTrail audit;
    private final Clock clock;

    public SessionService(Transactions transactions, CallerReads reads, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /** Live sessions of the caller's account, the most recently used first. */
    public List<Session> listFor(Caller caller) {
        return reads.liveSessions(caller.account().id(), clock.instant());
    }

    /** Ends one of the caller's sessions; someone else's session is reported as not found. */
    public void revoke(Caller caller, UUID sessionId, ClientOrigin origin) {
        Instant now = clock.instant();
        boolean revoked = transactions.inTransaction(tx -> {
            if (tx.sessions().revokeOwned(sessionId, caller.account().id(), now) == 0) {
                return false;
            }
            audit.record(tx, revoked(caller, sessionId, "revoked by the user", origin, now));
            return true;
        });
        if (!revoked) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "Session not found");
        }
    }

    /** Ends the session of the caller's own access token. */
    public void logout(Caller caller, ClientOrigin origin) {
        Instant now = clock.instant();
        transactions.useTransaction(tx -> {
            if (tx.sessions().revoke(caller.session().id(), caller.account().id(), now) > 0) {
                audit.record(tx, revoked(caller, caller.session().id(), "logout", origin, now));
            }
        });
    }

    /** Ends every session of the caller's account, this one included. */
    public void logoutEverywhere(Caller caller, ClientOrigin origin) {
        Instant now = clock.instant();
        transactions.useTransaction(tx -> {
            int ended = tx.sessions().revokeAllFor(caller.account().id(), now);
            audit.record(tx, revoked(caller, null, "logout everywhere: " + ended + " sessions", origin, now));
        });
    }

    private static AuthEvent revoked(Caller caller, UUID sessionId, String detail, ClientOrigin origin, Instant now) {
        return AuthEvent.of(now, AuthEvent.Type.SESSION_REVOKED, caller.account().id(), caller.account().email(),
                sessionId, detail, origin.address(), origin.userAgent());
    }
}
