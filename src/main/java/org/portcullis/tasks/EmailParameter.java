package org.portcullis.tasks;

import org.portcullis.api.Normalize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code email} query parameter of an account task, normalised as the API normalises emails. */
final class EmailParameter {
    static final String NAME = "email";

    private EmailParameter() {
    }

    /** The one non-blank email given; empty when none or several were. */
    static Optional<String> of(Map<String, List<String>> parameters) {
        List<String> values = parameters.getOrDefault(NAME, List.of());
        if (values.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(Normalize.email(values.get(0))).filter(email -> !email.isEmpty());
    }

    /** The answer when {@link #of} is empty. */
    static String missing(String task) {
        return "Give exactly one account: POST /tasks/" + task + "?email=<address>. Nothing done.";
    }
}
