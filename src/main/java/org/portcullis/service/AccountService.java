package org.portcullis.service;

import org.portcullis.db.Transactions;
import org.portcullis.db.UniqueViolation;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Account;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.Caller;
import org.portcullis.domain.ClientOrigin;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Accounts: registration, profile, password change. bcrypt runs before any database work, never inside a
 * transaction, so a slow hash does not hold a pooled connection.
 */
public final class AccountService {
    private final UserDao users;
    private final Transactions transactions;
    private final BcryptBulkhead hasher;
    private final LoginThrottle throttle;
    private final RegistrationThrottle registrations;
    private final AccountMail mail;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountService(UserDao users, Transactions transactions, BcryptBulkhead hasher, LoginThrottle throttle,
                          RegistrationThrottle registrations, AccountMail mail, AuditTrail audit, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.registrations = registrations;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an active, non-superuser account. Two registrations of one email race on the unique
     * constraint, so exactly one wins and the others get {@link DomainException.Kind#CONFLICT}. Each
     * registration is first claimed against its address's limit ({@link RegistrationThrottle}). The
     * verification mail is queued in the transaction that creates the account.
     */
    public Account register(String email, String password, String firstName, String lastName, String address) {
        registrations.claim(address);
        String hash;
        try {
            hash = hasher.hashForRegistration(password);
        } catch (RetryLaterException busy) {
            registrations.giveBack(address);
            throw busy;
        }
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), email, hash, firstName, lastName, true, false, now, now,
                null, false);
        try {
            transactions.useTransaction(transaction -> {
                transaction.users().insert(account);
                mail.verification(transaction, account);
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.isCausedBy(e)) {
                throw new DomainException(DomainException.Kind.CONFLICT, "Email is already registered");
            }
            throw e;
        }
        return account;
    }

    /** Changes the given names; a null name is left as it is. */
    public Account updateProfile(Caller caller, String firstName, String lastName) {
        UUID id = caller.account().id();
        if (firstName != null || lastName != null) {
            users.updateNames(id, firstName, lastName, clock.instant());
        }
        return users.findById(id).orElseThrow(DomainException::invalidToken);
    }

    /**
     * Replaces the password after checking the current one, and revokes every other session of the
     * account in the same transaction: whoever knew the old password loses their sessions at once. The
     * account is told by mail (queued in that transaction too).
     *
     * <p>The check is a guess like a login's, so it is claimed in the account's throttle first (a stolen
     * access token cannot try passwords without limit). The replacement is a compare-and-set on the hash
     * that was checked: of two concurrent changes one wins, the other gets 409 and changes nothing.
     */
    public void changePassword(Caller caller, String currentPassword, String newPassword, ClientOrigin origin) {
        Account account = caller.account();
        try (LoginThrottle.Claim claim = throttle.claimPasswordCheck(account)) {
            if (!hasher.matches(currentPassword, account.passwordHash())) {
                claim.failed();
                throw new DomainException(DomainException.Kind.FORBIDDEN, "Current password is incorrect");
            }
            claim.succeeded();
        }
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        boolean replaced = transactions.inTransaction(transaction -> {
            if (transaction.users().replacePasswordHash(account.id(), account.passwordHash(), hash, now) == 0) {
                return false;
            }
            int revoked = transaction.sessions().revokeAllExcept(account.id(), caller.session().id(), now);
            mail.passwordChanged(transaction, account);
            audit.record(transaction, AuthEvent.of(now, AuthEvent.Type.PASSWORD_CHANGED, account.id(), account.email(),
                    caller.session().id(), "changed by the user; " + revoked + " other sessions revoked",
                    origin.address(), origin.userAgent()));
            return true;
        });
        if (!replaced) {
            throw new DomainException(DomainException.Kind.CONFLICT,
                    "The password was changed by another request meanwhile");
        }
    }
}
