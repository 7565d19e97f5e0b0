package org.portcullis.service;

import org.portcullis.db.Lockouts;
import org.portcullis.db.Transactions;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Account;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.ClientOrigin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an operator does to one account by its email (the admin tasks): unlock it, end its sessions. Every
 * request is an {@code ADMIN_ACTION} in the audit trail, one naming no account included (a run of those is
 * someone guessing emails on the admin port).
 */
public final class AccountAdministration {
    /** The outcome of an unlock. */
    public enum Unlock {
        NO_SUCH_ACCOUNT,
        /** Failed logins, lock count and lock were cleared. */
        UNLOCKED,
        /** The account had no failed logins, lock history or lock. */
        NOTHING_TO_CLEAR
    }

    private final UserDao users;
    private final Lockouts accountLocks;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountAdministration(UserDao users, Lockouts accountLocks, Transactions transactions, AuditTrail audit,
                                 Clock clock) {
        this.users = users;
        this.accountLocks = accountLocks;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Clears the account's failed logins, lock count and lock, as a successful login would. */
    public Unlock unlock(String email) {
        Instant now = clock.instant();
        Optional<Account> account = users.findByEmail(email);
        if (account.isEmpty()) {
            audit.record(adminAction(now, null, email, "unlock-account: no such account"));
            return Unlock.NO_SUCH_ACCOUNT;
        }
        // The lock rows are written by db.Lockouts on a handle of its own; the action is recorded once done.
        Unlock outcome = accountLocks.clear(account.get().id()) > 0 ? Unlock.UNLOCKED : Unlock.NOTHING_TO_CLEAR;
        audit.record(adminAction(now, account.get(), email, "unlock-account: " + outcome.name().toLowerCase()));
        return outcome;
    }

    /** Revokes every live session of the account; how many, or empty if no account has this email. */
    public OptionalInt revokeSessions(String email) {
        Instant now = clock.instant();
        Optional<Account> account = users.findByEmail(email);
        if (account.isEmpty()) {
            audit.record(adminAction(now, null, email, "revoke-sessions: no such account"));
            return OptionalInt.empty();
        }
        return OptionalInt.of(transactions.inTransaction(tx -> {
            int revoked = tx.sessions().revokeAllFor(account.get().id(), now);
            audit.record(tx, adminAction(now, account.get(), email, "revoke-sessions: " + revoked + " sessions"));
            return revoked;
        }));
    }

    private static AuthEvent adminAction(Instant now, Account account, String email, String detail) {
        return AuthEvent.of(now, AuthEvent.Type.ADMIN_ACTION, account == null ? null : account.id(), email, null,
                detail, ClientOrigin.ADMIN.address(), null);
    }
}
