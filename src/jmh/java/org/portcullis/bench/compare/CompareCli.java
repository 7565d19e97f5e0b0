package org.portcullis.bench.compare;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line entry point that gates CI on benchmark regressions, like pytest-benchmark's
 * {@code --benchmark-compare-fail}.
 *
 * <p>Exit codes: 0 no regression, 1 at least one significant regression, 2 usage or input error
 * (reported as one line on stderr). {@link #main} only wires the real streams and exits;
 * {@link #run} holds the flow so it can be tested without {@code System.exit}.
 */
public final class CompareCli {

    /** Exit code when every benchmark passed (or was within noise). */
    public static final int OK = 0;
    /** Exit code when at least one benchmark regressed significantly. */
    public static final int REGRESSION = 1;
    /** Exit code for a bad command line or unusable input. */
    public static final int USAGE_ERROR = 2;

    private CompareCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /** A console stream in UTF-8 whatever the platform default, so "µs" and "−" print as themselves. */
    public static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }

    /** Runs one comparison and returns the exit code; never throws for bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliOptions options = CliOptions.parse(args);
            if (options.help()) {
                out.println(CliOptions.USAGE);
                return OK;
            }
            List<FailExpression> expressions = FailExpression.parseAll(options.failExpressions());
            ResultFile baseline = ResultFile.load(options.base());
            ResultFile current = ResultFile.load(options.current());
            Optional<Normalization> normalization = options.normalize()
                    ? Optional.of(Normalization.between(baseline, current, options.ruler()))
                    : Optional.empty();
            ComparisonReport report = BaselineComparer.compare(baseline, current, expressions, normalization,
                    Set.copyOf(options.allowMissing()));
            List<ResultFile> history = options.historyDir() == null
                    ? List.of(baseline)
                    : TrendChart.loadHistory(options.historyDir());

            ReportWriter.printConsole(report, out);
            ReportWriter.writeMarkdown(report, options.report());
            TrendChart.write(history, current, options.chart());
            out.println("report: " + options.report() + ", chart: " + options.chart());
            return report.hasRegression() ? REGRESSION : OK;
        } catch (UsageException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot write output: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(err, "cannot write output: " + e.getCause().getMessage());
        }
    }

    private static int fail(PrintStream err, String message) {
        err.println("bench-compare: error: " + String.valueOf(message).replaceAll("\\s*\\R\\s*", " ")
                + " (see --help)");
        return USAGE_ERROR;
    }
}
