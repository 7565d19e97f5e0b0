package org.portcullis.service;

import org.portcullis.db.CallerLookup;
import org.portcullis.db.SessionDao;
import org.portcullis.db.Transactions;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.Caller;
import org.portcullis.domain.ClientOrigin;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.IssuedTokens;
import org.portcullis.domain.Session;
import org.portcullis.domain.TokenClaims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Trades a refresh token for a new pair, exactly once. The session row holds the jti of the one refresh
 * token that may still be spent; the swap is a compare-and-set in a single UPDATE, so of any number of
 * concurrent refreshes with one token exactly one succeeds.
 *
 * <p>A refresh token that verifies but is no longer the current one has been spent before: either the
 * client or a thief holds a copy. We cannot tell which, so the whole session is revoked (reuse detection,
 * as in the OAuth 2.0 security best current practice). This includes the losers of a concurrent race.
 *
 * <p>A session ends {@code maxSessionAge} after its login at the latest: a refresh moves its expiry to
 * {@code min(now + refresh lifetime, created_at + maxSessionAge)} and the new refresh token expires then
 * too, so refreshing can keep a session alive only up to that absolute end.
 */
public final class RefreshTokenRotation {
    /** Never a cache: the refresh token compared against must be the one stored this instant. */
    private final CallerLookup callers;
    private final SessionDao sessions;
    private final TokenService tokens;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Duration maxSessionAge;
    private final Clock clock;

    public RefreshTokenRotation(CallerLookup callers, SessionDao sessions, Transactions transactions, AuditTrail audit,
                                TokenService tokens, Duration maxSessionAge, Clock clock) {
        this.callers = callers;
        this.sessions = sessions;
        this.transactions = transactions;
        this.audit = audit;
        this.tokens = tokens;
        this.maxSessionAge = maxSessionAge;
        this.clock = clock;
    }

    /** @param origin where the request came from, for the audit trail should the token turn out replayed */
    public IssuedTokens refresh(String refreshToken, ClientOrigin origin) {
        TokenClaims claims = tokens.verifyRefresh(refreshToken);
        Caller caller = callers.find(claims.sessionId(), claims.userId())
                .orElseThrow(DomainException::invalidToken);
        Instant now = clock.instant();
        Instant sessionEnds = sessionEnds(caller);
        if (!isOpen(caller, now)) {
            throw DomainException.invalidToken();
        }
        if (!caller.session().refreshJti().equals(claims.tokenId())) {
            throw replayed(caller, now, origin);
        }
        IssuedTokens issued = tokens.issue(caller.account(), claims.sessionId(), sessionEnds);
        int rotated = sessions.rotate(claims.sessionId(), caller.account().id(), claims.tokenId(), issued.refreshJti(), now,
                issued.refreshExpiresAt());
        if (rotated == 0) {
            // Another request spent this token between our read and our write.
            throw replayed(caller, now, origin);
        }
        return issued;
    }

    /**
     * True if the verified refresh token of {@code claims} could be spent now: its session is open and it is
     * the session's current token. Nothing is spent and a stale token revokes nothing here (introspection
     * asks on the client's behalf; only the client presenting a spent token is a replay).
     */
    public boolean isCurrent(TokenClaims claims) {
        return callers.find(claims.sessionId(), claims.userId())
                .filter(c -> isOpen(c, clock.instant()) && c.session().refreshJti().equals(claims.tokenId()))
                .isPresent();
    }

    /** Sessions stored before the absolute lifetime existed may carry a later expires_at: this end cuts them. */
    private Instant sessionEnds(Caller caller) {
        return caller.session().createdAt().plus(maxSessionAge);
    }

    private boolean isOpen(Caller caller, Instant now) {
        return caller.session().isLiveAt(now) && sessionEnds(caller).isAfter(now) && caller.account().isActive();
    }

    private DomainException replayed(Caller caller, Instant now, ClientOrigin origin) {
        Session session = caller.session();
        transactions.useTransaction(tx -> {
            tx.sessions().revoke(session.id(), session.userId(), now);
            audit.record(tx, AuthEvent.of(now, AuthEvent.Type.REFRESH_REPLAYED, session.userId(),
                    caller.account().email(), session.id(), "spent refresh token presented; session revoked",
                    origin.address(), origin.userAgent()));
        });
        return new DomainException(DomainException.Kind.UNAUTHENTICATED,
                "Refresh token was already used; the session has been revoked");
    }
}
