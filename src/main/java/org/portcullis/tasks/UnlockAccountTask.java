package org.portcullis.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.portcullis.core.AccountAdministration;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /tasks/unlock-account?email=…}: clears an account's failed logins, lock count and lock.
 * Every outcome is a plain-text 200, an unknown email included: Dropwizard's Task can only answer 500, and
 * with the exception's text, when it throws.
 */
public final class UnlockAccountTask extends Task {
    static final String NAME = "unlock-account";

    private final AccountAdministration accounts;

    public UnlockAccountTask(AccountAdministration accounts) {
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
        output.println(switch (accounts.unlock(email.get())) {
            case NO_SUCH_ACCOUNT -> "No account with email " + email.get() + ". Nothing done.";
            case UNLOCKED -> "Unlocked " + email.get() + ": failed logins, lock count and lock cleared.";
            case NOTHING_TO_CLEAR -> email.get() + " was not locked and had no failed logins. Nothing to clear.";
        });
    }
}
