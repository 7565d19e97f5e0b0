package org.portcullis.service;

import org.portcullis.db.SessionDao;
import org.portcullis.db.Lockouts;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Account;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/** What an operator does to one account by its email (the admin tasks): unlock it, end its sessions. */
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
    private final SessionDao sessions;
    private final Clock clock;

    public AccountAdministration(UserDao users, Lockouts accountLocks, SessionDao sessions, Clock clock) {
        this.users = users;
        this.accountLocks = accountLocks;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Clears the account's failed logins, lock count and lock, as a successful login would. */
    public Unlock unlock(String email) {
        Optional<Account> account = users.findByEmail(email);
        if (account.isEmpty()) {
            return Unlock.NO_SUCH_ACCOUNT;
        }
        return accountLocks.clear(account.get().id()) > 0 ? Unlock.UNLOCKED : Unlock.NOTHING_TO_CLEAR;
    }

    /** Revokes every live session of the account; how many, or empty if no account has this email. */
    public OptionalInt revokeSessions(String email) {
        return users.findByEmail(email)
                .map(account -> OptionalInt.of(sessions.revokeAllFor(account.id(), clock.instant())))
                .orElseGet(OptionalInt::empty);
    }
}
