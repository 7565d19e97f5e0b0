package org.portcullis.tasks;

import org.portcullis.service.AccountAdministration;

import java.util.OptionalInt;

/**
 * {@code POST /tasks/revoke-sessions?email=…}: ends every live session of an account; its access and
 * refresh tokens are refused from the next request on.
 */
public final class RevokeSessionsTask extends AccountTask {
    private final AccountAdministration accounts;

    public RevokeSessionsTask(AccountAdministration accounts) {
        super("revoke-sessions");
        this.accounts = accounts;
    }

    @Override
    protected String answer(String email) {
        OptionalInt revoked = accounts.revokeSessions(email);
        return revoked.isEmpty()
                ? noSuchAccount(email)
                : "Revoked " + revoked.getAsInt() + " live sessions of " + email + ".";
    }
}
