package org.portcullis.bench.ab;

/**
 * The gate's three answers about one benchmark. Only {@link #SLOWER} fails a run; {@link #UNDECIDED} fails
 * it under {@code STRICT=1}, since a pass that could not decide has not shown the change is harmless.
 */
public enum AbVerdict {
    /** The median pair ratio is above the false-alarm boundary and the interval's low end above 1×. */
    SLOWER("SLOWER", "\u274c slower"),
    /** The whole interval is below the boundary: a slowdown the boundary would catch is ruled out. */
    SAME("same", "\u2705 same"),
    /** Neither yet: the time budget (or the pair limit) ended first. */
    UNDECIDED("undecided", "\u26a0\ufe0f undecided");

    private final String label;
    private final String markdown;

    AbVerdict(String label, String markdown) {
        this.label = label;
        this.markdown = markdown;
    }

    public String label() {
        return label;
    }

    public String markdown() {
        return markdown;
    }
}
