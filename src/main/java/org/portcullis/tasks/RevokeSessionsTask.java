package org.portcullis.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.portcullis.core.AccountAdministration;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code POST /tasks/revoke-sessions?email=…}: ends every live session of an account; its access and
 * refresh tokens are refused from the next request on. Answers as {@link UnlockAccountTask} does.
 */
public final class RevokeSessionsTask extends Task {
    static final String NAME = "revoke-sessions";

    private final AccountAdministration accounts;

    public RevokeSessionsTask(AccountAdministration accounts) {
        super(NAME);
        this.accounts = accounts;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        Optional<String> email = EmailParameter.of(parameters);
        if (email.isEmpty()) {
            output.println(EmailParameter.missing(NAME));
            return;
        }
        OptionalInt revoked = accounts.revokeSessions(email.get());
        output.println(revoked.isEmpty()
                ? "No account with email " + email.get() + ". Nothing done."
                : "Revoked " + revoked.getAsInt() + " live sessions of " + email.get() + ".");
    }
}
