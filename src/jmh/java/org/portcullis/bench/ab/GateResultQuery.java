package org.portcullis.bench.ab;

import org.portcullis.bench.compare.CompareCli;
import org.portcullis.bench.compare.UsageException;

import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a shell script's questions about an {@code ab-result.json} in one line, so that the bisect scripts
 * need no JSON tool: {@code verdict FILE Class.method} prints "slower 1.530 1.463 1.809 9" (verdict, ratio,
 * interval, pairs) or "missing"; {@code statements FILE Class.method} prints its SQL statements per request,
 * base then head ("1 2"), or "none" where they were not counted; {@code slowest FILE} prints the slower
 * benchmark with the highest ratio; {@code pooled Class.method FILE...} pools the benchmark's pairs of several
 * runs (BAD measured twice) and prints them as {@code verdict} does, judged by {@link #slowerBySigns}. Exit
 * codes: 0 answered, 1 nothing slower ({@code slowest}), 2 usage or input error.
 */
public final class GateResultQuery {
    static final String USAGE = "usage: GateResultQuery verdict FILE Class.method | statements FILE Class.method"
            + " | slowest FILE | pooled Class.method FILE...";

    private GateResultQuery() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 3 && args[0].equals("verdict")) {
                out.println(GateJson.read(Path.of(args[1])).benchmark(args[2]).map(GateResultQuery::line).orElse("missing"));
                return CompareCli.OK;
            }
            if (args.length == 3 && args[0].equals("statements")) {
                out.println(GateJson.read(Path.of(args[1])).benchmark(args[2]).flatMap(GateJson.Benchmark::statements)
                        .map(counts -> StatementCounts.count(counts.base()) + " " + StatementCounts.count(counts.head()))
                        .orElse("none"));
                return CompareCli.OK;
            }
            if (args.length == 2 && args[0].equals("slowest")) {
                Optional<GateJson.Benchmark> slowest = GateJson.read(Path.of(args[1])).benchmarks().stream()
                        .filter(b -> b.verdict().equals(GateJson.SLOWER))
                        .max(Comparator.comparingDouble(GateJson.Benchmark::ratio));
                slowest.ifPresent(b -> out.println(b.name()));
                return slowest.isPresent() ? CompareCli.OK : CompareCli.REGRESSION;
            }
            if (args.length >= 3 && args[0].equals("pooled")) {
                List<Double> ratios = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    GateJson.read(Path.of(args[i])).benchmark(args[1]).ifPresent(b -> ratios.addAll(b.pairRatios()));
                }
                out.println(ratios.isEmpty() ? "missing" : slowerBySigns(ratios));
                return CompareCli.OK;
            }
            throw new UsageException(USAGE);
        } catch (UsageException e) {
            err.println("gate-result: error: " + e.getMessage());
            return CompareCli.USAGE_ERROR;
        }
    }

    /**
     * BAD's pairs pooled over the runs that measured it, judged by their signs alone: "slower" when there are at
     * least {@link PairedRatio#MIN_PAIRS} and every one is slower (for independent pairs of unchanged code one
     * chance in 2⁵ or less), else "undecided"; printed with their median and its interval. Looser than the
     * gate, whose boundary also covers a run that leans as a whole (the archived A/A run 0011, three pairs
     * all above 1): the bisection only asks it of a BAD its user already holds slower and the gate could not
     * decide twice, and what a false "slower" costs there is a bisection without an answer, not a failed
     * build. A median that prints as 1.000 is not slower: no step could be judged against it.
     */
    static String slowerBySigns(List<Double> ratios) {
        PairedRatio pooled = PairedRatio.ofLogs(ratios.stream().mapToDouble(Math::log).toArray());
        boolean slower = pooled.pairs() >= PairedRatio.MIN_PAIRS && ratios.stream().allMatch(ratio -> ratio > 1)
                && pooled.ratio() >= 1.0005;
        return line(slower ? GateJson.SLOWER : GateJson.UNDECIDED, pooled.ratio(), pooled.low(), pooled.high(),
                pooled.pairs());
    }

    private static String line(GateJson.Benchmark benchmark) {
        return line(benchmark.verdict(), benchmark.ratio(), benchmark.low(), benchmark.high(), benchmark.pairs());
    }

    /** The one line the scripts read: verdict, ratio, interval, pairs. */
    private static String line(String verdict, double ratio, double low, double high, int pairs) {
        return String.format(Locale.ROOT, "%s %.3f %.3f %.3f %d", verdict, ratio, low, high, pairs);
    }
}
