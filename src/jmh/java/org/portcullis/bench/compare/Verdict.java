package org.portcullis.bench.compare;

/**
 * The outcome for one benchmark present in both runs.
 *
 * <p>"Within noise" is separate from "ok" so the report shows that a threshold was crossed but the
 * evidence was too weak to fail the build.
 */
public enum Verdict {
    /** No fail expression exceeded. */
    OK("ok", "\u2705 ok"),
    /** A fail expression exceeded, but the difference is not statistically significant. */
    WITHIN_NOISE("within noise", "\u26a0\ufe0f within noise"),
    /** A fail expression exceeded and the difference is significant: the build fails. */
    REGRESSION("REGRESSION", "\u274c REGRESSION");

    private final String label;
    private final String markdown;

    Verdict(String label, String markdown) {
        this.label = label;
        this.markdown = markdown;
    }

    /** Plain label for the console. */
    public String label() {
        return label;
    }

    /** Label with an emoji for GitHub job summaries. */
    public String markdown() {
        return markdown;
    }

    public boolean fails() {
        return this == REGRESSION;
    }
}
