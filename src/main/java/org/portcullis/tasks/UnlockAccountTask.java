package org.portcullis.tasks;

import org.portcullis.service.AccountAdministration;

/** {@code POST /tasks/unlock-account?email=…}: clears an account's failed logins, lock count and lock. */
public final class UnlockAccountTask extends AccountTask {
    private final AccountAdministration accounts;

    public UnlockAccountTask(AccountAdministration accounts) {
        super("unlock-account");
        this.accounts = accounts;
    }

    @Override
    protected String answer(String email) {
        return switch (accounts.unlock(email)) {
            case NO_SUCH_ACCOUNT -> noSuchAccount(email);
            case UNLOCKED -> "Unlocked " + email + ": failed logins, lock count and lock cleared.";
            case NOTHING_TO_CLEAR -> email + " was not locked and had no failed logins. Nothing to clear.";
        };
    }
}
