package org.portcullis.service;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import org.portcullis.db.AccountTokenDao;
import org.portcullis.db.Lockouts;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.ClientOrigin;
import org.portcullis.db.Transactions;
import org.portcullis.db.UniqueViolation;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Account;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Password reset by mail. A request is answered before its email is even looked up: it is claimed against
 * its client address's limit and queued, and a background thread finds the account and queues the mail.
 * The answer is therefore the same, in body and in time, for an address with an account and one without:
 * nothing to enumerate. A queue that is full drops the request (WARN, {@code
 * portcullis.mail.reset_requests_dropped}) and still answers 202: the client learns nothing, and a flood
 * cannot grow the heap.
 *
 * <p>The confirmation spends the token with a compare-and-set in the transaction that sets the password,
 * ends every session, clears the lockout and queues the notice: of two confirmations racing with one token
 * exactly one succeeds, and nothing is half-done.
 */
public final class PasswordResets {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    private static final String INVALID = "The reset link is invalid, used or expired";

    private final UserDao users;
    private final AccountTokenDao tokens;
    private final Transactions transactions;
    private final AccountMail mail;
    private final MailRequestThrottle throttle;
    private final BcryptBulkhead hasher;
    private final Executor requests;
    private final Lockouts accountLocks;
    private final AuditTrail audit;
    private final Clock clock;
    private final Counter dropped;
    private final Counter refusedForAccount;

    public PasswordResets(UserDao users, AccountTokenDao tokens, Transactions transactions, AccountMail mail,
                          MailRequestThrottle throttle, BcryptBulkhead hasher, Lockouts accountLocks,
                          AuditTrail audit, Executor requests, Clock clock, MetricRegistry metrics) {
        this.users = users;
        this.accountLocks = accountLocks;
        this.audit = audit;
        this.tokens = tokens;
        this.transactions = transactions;
        this.mail = mail;
        this.throttle = throttle;
        this.hasher = hasher;
        this.requests = requests;
        this.clock = clock;
        this.dropped = metrics.counter("portcullis.mail.reset_requests_dropped");
        this.refusedForAccount = metrics.counter("portcullis.mail.reset_requests_over_account_limit");
    }

    /**
     * Accepts a reset request for {@code email} from {@code address}; the lookup and the mail follow
     * after this returns.
     *
     * @throws org.portcullis.domain.RetryLaterException (429) when the address has asked too often
     */
    public void request(String email, String address) {
        throttle.claimForAddress(address);
        try {
            requests.execute(() -> handle(email));
        } catch (RejectedExecutionException full) {
            dropped.inc();
            LOG.warn("Password-reset request dropped: the request queue is full");
        }
    }

    /** Looks the address up and, for an active account within its limit, queues a reset mail. */
    void handle(String email) {
        try {
            Optional<Account> found = users.findByEmail(email).filter(Account::isActive);
            if (found.isEmpty()) {
                return;
            }
            Account account = found.get();
            if (!throttle.tryForAccount(account.id())) {
                refusedForAccount.inc();
                return;
            }
            transactions.useTransaction(transaction -> mail.passwordReset(transaction, account));
        } catch (RuntimeException e) {
            if (UniqueViolation.isCausedBy(e)) {
                return; // another request for the account issued its token at this very moment; that one is mailed
            }
            LOG.warn("Password-reset request failed: {}", e.toString());
        }
    }

    /**
     * Sets a new password with a mailed token. The password is validated by the caller as at registration.
     *
     * @throws DomainException INVALID_REQUEST (400) for a token that is wrong, spent or expired, one message
     */
    public void confirm(String token, String newPassword, ClientOrigin origin) {
        String tokenHash = AccountTokens.hash(token);
        UUID userId = tokens.liveOwner(tokenHash, TokenPurpose.PASSWORD_RESET.stored(), clock.instant())
                .orElseThrow(PasswordResets::invalid);
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        boolean reset = transactions.inTransaction(transaction -> {
            if (transaction.accountTokens().spend(tokenHash, TokenPurpose.PASSWORD_RESET.stored(), userId, now) == 0) {
                return false;
            }
            transaction.users().setPasswordHash(userId, hash, now);
            // The link arrived in the account's inbox: that proves the address as a verification link would.
            transaction.users().markEmailVerified(userId, now);
            int revoked = transaction.sessions().revokeAllFor(userId, now);
            transaction.users().findById(userId).ifPresent(account -> {
                mail.passwordChanged(transaction, account);
                audit.record(transaction, AuthEvent.of(now, AuthEvent.Type.PASSWORD_CHANGED, userId, account.email(),
                        null, "reset with a mailed link; " + revoked + " sessions revoked", origin.address(),
                        origin.userAgent()));
            });
            return true;
        });
        if (!reset) {
            throw invalid();
        }
        // The lock rows are db.Lockouts' own statements; a lock left by a failure here still ends on its own.
        accountLocks.clear(userId);
    }

    private static DomainException invalid() {
        return new DomainException(DomainException.Kind.INVALID_REQUEST, INVALID);
    }
}
