package org.portcullis.core;

import org.portcullis.db.SessionDao;
import org.portcullis.db.UserDao;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Password login: verifies the credentials and opens a new device session with its first token pair.
 * Failed attempts are throttled per account and per address ({@link LoginThrottle}). An unknown email
 * and a wrong password are one answer, reached with the same bcrypt work, so neither the
 * message nor the time tells an attacker which emails have accounts.
 */
public final class LoginService {
    private final UserDao users;
    private final SessionDao sessions;
    private final BcryptBulkhead hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final int maxSessionsPerUser;

    public LoginService(UserDao users, SessionDao sessions, BcryptBulkhead hasher, TokenService tokens,
                        LoginThrottle throttle, Clock clock, int maxSessionsPerUser) {
        this.users = users;
        this.throttle = throttle;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.maxSessionsPerUser = maxSessionsPerUser;
    }

    public IssuedTokens login(LoginAttempt attempt) {
        throttle.checkAddress(attempt.ipAddress());
        Optional<Account> found = users.findByEmail(attempt.email());
        found.ifPresent(throttle::checkAccount);
        boolean passwordMatches = found.isPresent()
                ? hasher.matches(attempt.password(), found.get().passwordHash())
                : hasher.matchesNothing(attempt.password());
        if (!passwordMatches) {
            throttle.recordFailure(found.orElse(null), attempt.ipAddress());
            throw DomainException.invalidCredentials();
        }
        Account account = found.get();
        throttle.recordSuccess(account);
        // Only after the password proved right: otherwise "disabled" would confirm the account exists.
        if (!account.isActive()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "Account is disabled");
        }
        UUID sessionId = UUID.randomUUID();
        TokenPair pair = tokens.issuePair(account.id(), sessionId);
        Instant now = clock.instant();
        sessions.insert(new Session(sessionId, account.id(), pair.refreshJti(),
                DeviceNames.choose(attempt.deviceName(), attempt.userAgent()), attempt.userAgent(),
                attempt.ipAddress(), now, now, pair.refreshExpiresAt(), null));

        // Per-user session cap: the least recently used live sessions beyond it end with this login.
        sessions.revokeLeastRecentlyUsedBeyond(account.id(), maxSessionsPerUser, now);
        return new IssuedTokens(pair, account);
    }
}
