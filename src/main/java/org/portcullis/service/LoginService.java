package org.portcullis.service;

import org.portcullis.db.SessionDao;
import org.portcullis.db.Transactions;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Account;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.IssuedTokens;
import org.portcullis.domain.Session;
import org.portcullis.domain.SignedIn;

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
 * <p>A login that presents a live device token of its account is a known device ({@link KnownDevices}): it is
 * claimed against that device alone, and every successful login gets a fresh device token, recorded (and
 * the presented one spent) in the transaction that opens its session.
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
    private final KnownDevices devices;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxSessionsPerUser;
    private final boolean requireVerifiedEmail;

    /** @param requireVerifiedEmail refuse (403) a correct login of an account whose address is not verified */
    public LoginService(UserDao users, Transactions transactions, BcryptBulkhead hasher, TokenService tokens,
                        LoginThrottle throttle, KnownDevices devices, AuditTrail audit, Clock clock,
                        int maxSessionsPerUser, boolean requireVerifiedEmail) {
        this.users = users;
        this.transactions = transactions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    public SignedIn login(LoginAttempt attempt) {
        Optional<Account> found = users.findByEmail(attempt.email());
        String knownDevice = devices.recognise(attempt.deviceToken(), found.map(Account::id).orElse(null))
                .orElse(null);
        try (LoginThrottle.Claim claim = knownDevice != null
                ? throttle.claimKnownDeviceLogin(knownDevice, attempt.ipAddress(), found.get())
                : throttle.claimLogin(attempt.ipAddress(), found.orElse(null))) {
            boolean passwordMatches = found.isPresent()
                    ? hasher.matches(attempt.password(), found.get().passwordHash())
                    : hasher.matchesNothing(attempt.password());
            if (!passwordMatches) {
                claim.failed();
                audit.record(event(AuthEvent.Type.LOGIN_FAILED, attempt, found.orElse(null), null,
                        found.isPresent() ? "wrong password" : "unknown email"));
                claim.lockedBy().ifPresent(lock -> audit.record(event(AuthEvent.Type.ACCOUNT_LOCKED, attempt,
                        found.orElse(null), null, (knownDevice != null ? "known device" : "account") + " locked for "
                                + lock.toSeconds() + " s")));
                throw DomainException.invalidCredentials();
            }
            Account account = found.get();
            if (requireVerifiedEmail && !account.emailVerified()) {
                // After the password proved right, as for "disabled": it would otherwise confirm the account.
                claim.succeeded();
                audit.record(event(AuthEvent.Type.LOGIN_FAILED, attempt, account, null, "email not verified"));
                throw new DomainException(DomainException.Kind.FORBIDDEN,
                        "Email address is not verified: follow the link we mailed, or ask for a new one");
            }
            UUID sessionId = UUID.randomUUID();
            IssuedTokens issued = tokens.issue(account, sessionId);
            String deviceToken = devices.newToken();
            Outcome outcome = openSession(sessionId, issued, attempt, knownDevice, deviceToken);
            if (outcome == Outcome.PASSWORD_CHANGED) {
                claim.failed();
                audit.record(event(AuthEvent.Type.LOGIN_FAILED, attempt, account, null,
                        "password changed during the login"));
                throw DomainException.invalidCredentials();
            }
            claim.succeeded();
            // Only after the password proved right: otherwise "disabled" would confirm the account exists.
            if (outcome == Outcome.INACTIVE) {
                audit.record(event(AuthEvent.Type.LOGIN_FAILED, attempt, account, null, "account disabled"));
                throw new DomainException(DomainException.Kind.FORBIDDEN, "Account is disabled");
            }
            return new SignedIn(issued, deviceToken);
        }
    }

    private enum Outcome { OPENED, INACTIVE, PASSWORD_CHANGED }

    /** An audit event of this attempt; {@code account} null for an unknown email, recorded as typed. */
    private AuthEvent event(AuthEvent.Type type, LoginAttempt attempt, Account account, UUID sessionId,
                            String detail) {
        return AuthEvent.of(clock.instant(), type, account == null ? null : account.id(),
                account == null ? attempt.email() : account.email(), sessionId, detail, attempt.ipAddress(),
                attempt.userAgent());
    }

    private Outcome openSession(UUID sessionId, IssuedTokens issued, LoginAttempt attempt, String spentDeviceOrNull,
                                String deviceToken) {
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
            devices.rotate(transaction, account.id(), spentDeviceOrNull, deviceToken);
            audit.record(transaction, event(AuthEvent.Type.LOGIN_SUCCEEDED, attempt, account, sessionId,
                    spentDeviceOrNull != null ? "known device" : "new device"));
            return Outcome.OPENED;
        });
    }
}
