package org.portcullis.bench.compare;

/**
 * A problem the caller has to fix: a bad command line, an unreadable or malformed result file,
 * or a fail expression that cannot be applied to a benchmark.
 *
 * <p>It exists so that {@link CompareCli} can tell "your input is wrong" (exit code 2, one line
 * on stderr) apart from "your code got slower" (exit code 1) without printing stack traces.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
