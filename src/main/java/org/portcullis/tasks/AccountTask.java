package org.portcullis.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.portcullis.api.Normalize;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * A task about one account, named by {@code ?email=} and normalised as the API normalises emails. Every
 * outcome is one plain-text line with status 200, an unknown or missing email included: a Dropwizard task
 * can only answer 500, with the exception's text, by throwing, and these never throw for bad input.
 */
abstract class AccountTask extends Task {
    protected AccountTask(String name) {
        super(name);
    }

    @Override
    public final void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> values = parameters.getOrDefault("email", List.of());
        String email = values.size() == 1 ? Normalize.email(values.get(0)) : "";
        output.println(email.isEmpty()
                ? "Give exactly one account: POST /tasks/" + getName() + "?email=<address>. Nothing done."
                : answer(email));
    }

    /** Does the task for the account with this (normalised, non-blank) email; the answer to print. */
    protected abstract String answer(String email);

    static String noSuchAccount(String email) {
        return "No account with email " + email + ". Nothing done.";
    }
}
