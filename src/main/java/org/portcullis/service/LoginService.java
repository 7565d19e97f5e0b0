package org.portcullis.service;

import org.portcullis.db.SessionDao;
import org.portcullis.db.Transactions;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Account;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.IssuedTokens;
import org.portcullis.domain.Session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Password login: verifies the credentials and opens a new device session with its first token pair.
 * Attempts are claimed against the account's and the address's limits before bcrypt ({@link LoginThrottle}).
 * An unknown email and a wrong password are one answer, reached with the same bcrypt work, so neither the
 * message nor the time tells an attacker which emails have accounts.
 *
 * <p>The session is opened only if the hash that was verified is still the account's hash and the account
 * is still active, read under the account row's lock in the transaction that inserts the session: a login
 * that checked the old password while a password change committed gets 401 instead of a session the change
 * could no longer revoke.
 */
public final class LoginService {
    private final UserDao users;
    private final Transactions transactions;
    private final BcryptBulkhead hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final int maxSessionsPerUser;
    private final boolean requireVerifiedEmail;

    /** @param requireVerifiedEmail refuse (403) a correct login of an account whose address is not verified */
    public LoginService(UserDao users, Transactions transactions, BcryptBulkhead hasher, TokenService tokens,
                        LoginThrottle throttle, Clock clock, int maxSessionsPerUser, boolean requireVerifiedEmail) {
        this.users = users;
        this.transactions = transactions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    public IssuedTokens login(LoginAttempt attempt) {
        Optional<Account> found = users.findByEmail(attempt.email());
        try (LoginThrottle.Claim claim = throttle.claimLogin(attempt.ipAddress(), found.orElse(null))) {
            boolean passwordMatches = found.isPresent()
                    ? hasher.matches(attempt.password(), found.get().passwordHash())
                    : hasher.matchesNothing(attempt.password());
            if (!passwordMatches) {
                claim.failed();
                throw DomainException.invalidCredentials();
            }
            Account account = found.get();
            if (requireVerifiedEmail && !account.emailVerified()) {
                // After the password proved right, as for "disabled": it would otherwise confirm the account.
                claim.succeeded();
                throw new DomainException(DomainException.Kind.FORBIDDEN,
                        "Email address is not verified: follow the link we mailed, or ask for a new one");
            }
            UUID sessionId = UUID.randomUUID();
            IssuedTokens issued = tokens.issue(account, sessionId);
            Outcome outcome = openSession(sessionId, issued, attempt);
            if (outcome == Outcome.PASSWORD_CHANGED) {
                claim.failed();
                throw DomainException.invalidCredentials();
            }
            claim.succeeded();
            // Only after the password proved right: otherwise "disabled" would confirm the account exists.
            if (outcome == Outcome.INACTIVE) {
                throw new DomainException(DomainException.Kind.FORBIDDEN, "Account is disabled");
            }
            return issued;
        }
    }

    private enum Outcome { OPENED, INACTIVE, PASSWORD_CHANGED }

    private Outcome openSession(UUID sessionId, IssuedTokens issued, LoginAttempt attempt) {
        Account account = issued.account();
        Instant now = clock.instant();
        Session session = new Session(sessionId, account.id(), issued.refreshJti(),
                DeviceNames.choose(attempt.deviceName(), attempt.userAgent()), attempt.userAgent(),
                attempt.ipAddress(), now, now, issued.refreshExpiresAt(), null);
        return transactions.inTransaction(transaction -> {
            Optional<UserDao.Credentials> current = transaction.users().credentialsForUpdate(account.id());
            if (current.isEmpty() || !current.get().passwordHash().equals(account.passwordHash())) {
                return Outcome.PASSWORD_CHANGED;
            }
            if (!current.get().active()) {
                return Outcome.INACTIVE;
            }
            SessionDao sessions = transaction.sessions();
            sessions.insert(session);
            // Per-user session cap: the least recently used live sessions beyond it end with this login.
            sessions.revokeLeastRecentlyUsedBeyond(account.id(), maxSessionsPerUser, now);
            return Outcome.OPENED;
        });
    }
}
