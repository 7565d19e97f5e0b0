package org.portcullis.service;

import org.portcullis.db.CallerReads;
import org.portcullis.db.Transactions;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.ClientOrigin;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.TokenClaims;
import org.portcullis.domain.TokenType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other services ask about a token (RFC 7662 introspection, RFC 7009 revocation). A token is live only
 * if it verifies and its session is: an access token's session is read as users/me reads it (through the
 * caller cache on PostgreSQL), so a logout counts for the resource server at once; a refresh token must
 * moreover still be its session's current one ({@link RefreshTokenRotation#current}).
 *
 * <p>The type hint only decides which type is tried first (RFC 7662 §2.1, RFC 7009 §2.1: the server extends
 * its search to other types when the hint is wrong).
 */
public final class TokenIntrospection {
    private final TokenService tokens;
    private final CallerReads callers;
    private final RefreshTokenRotation refreshes;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public TokenIntrospection(TokenService tokens, CallerReads callers, RefreshTokenRotation refreshes,
                              Transactions transactions, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.callers = callers;
        this.refreshes = refreshes;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The claims of a live token; empty for anything expired, revoked, replayed, malformed or unknown. */
    public Optional<TokenClaims> introspect(String token, String typeHint) {
        for (TokenType type : order(typeHint)) {
            Optional<TokenClaims> claims = verify(token, type);
            if (claims.isPresent()) {
                return claims.filter(this::isLive);
            }
        }
        return Optional.empty();
    }

    /**
     * Ends the session of a token, access or refresh. Unknown, malformed and already dead tokens are
     * ignored: RFC 7009 §2.2 answers 200 for them too, so a caller learns nothing from revoking. A session
     * this ends is recorded in the audit trail with the resource server that asked.
     */
    public void revoke(String token, String typeHint, String clientId, ClientOrigin origin) {
        for (TokenType type : order(typeHint)) {
            Optional<TokenClaims> verified = verify(token, type);
            if (verified.isPresent()) {
                TokenClaims claims = verified.get();
                Instant now = clock.instant();
                String email = callers.caller(claims.sessionId(), claims.userId()).map(c -> c.account().email())
                        .orElse(null);
                transactions.useTransaction(tx -> {
                    if (tx.sessions().revoke(claims.sessionId(), claims.userId(), now) > 0) {
                        audit.record(tx, AuthEvent.of(now, AuthEvent.Type.SESSION_REVOKED, claims.userId(), email,
                                claims.sessionId(), "revoked by resource server " + clientId, origin.address(),
                                origin.userAgent()));
                    }
                });
                return;
            }
        }
    }

    private boolean isLive(TokenClaims claims) {
        if (claims.type() == TokenType.REFRESH) {
            return refreshes.isCurrent(claims);
        }
        Instant now = clock.instant();
        return callers.caller(claims.sessionId(), claims.userId())
                .filter(c -> c.session().isLiveAt(now) && c.account().isActive())
                .isPresent();
    }

    private Optional<TokenClaims> verify(String token, TokenType type) {
        try {
            return Optional.of(type == TokenType.ACCESS ? tokens.verifyAccess(token) : tokens.verifyRefresh(token));
        } catch (DomainException invalid) {
            return Optional.empty();
        }
    }

    /** RFC 7009 names the hints {@code access_token} and {@code refresh_token}; anything else is no hint. */
    private static List<TokenType> order(String typeHint) {
        return "refresh_token".equals(typeHint)
                ? List.of(TokenType.REFRESH, TokenType.ACCESS)
                : List.of(TokenType.ACCESS, TokenType.REFRESH);
    }
}
