package org.portcullis.service;

import org.portcullis.db.CallerReads;
import org.portcullis.db.SessionDao;
import org.portcullis.domain.Caller;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.TokenClaims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns an access token into a {@link Caller}. A valid signature is not enough: the token's session must
 * still be live and its account active, read in one query per request (or remembered, on PostgreSQL, by
 * a cache that hears of every change), so that a logout, a revocation or a replay takes effect on the next
 * request instead of when the token expires. The HTTP layer's bearer
 * filter asks it for every protected request.
 */
public final class AccessTokenAuthenticator {
    /**
     * last_used_at is refreshed at most this often per session: exact to a minute is plenty for a session
     * list, and it spares the hot read path a write on almost every request.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final TokenService tokens;
    private final CallerReads callers;
    private final SessionDao sessions;
    private final Clock clock;

    public AccessTokenAuthenticator(TokenService tokens, CallerReads callers, SessionDao sessions, Clock clock) {
        this.tokens = tokens;
        this.callers = callers;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The caller of a valid access token whose session is live and account active; empty otherwise. */
    public Optional<Caller> authenticate(String token) {
        TokenClaims claims;
        try {
            claims = tokens.verifyAccess(token);
        } catch (DomainException invalid) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Caller> caller = callers.caller(claims.sessionId(), claims.userId())
                .filter(c -> c.session().isLiveAt(now) && c.account().isActive());
        caller.ifPresent(c -> {
            if (c.session().lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
                sessions.touch(c.session().id(), c.account().id(), now);
            }
        });
        return caller;
    }
}
