package org.portcullis.bench.ab;

import org.portcullis.bench.CommandOptions;
import org.portcullis.bench.Platform;
import org.portcullis.bench.compare.BenchmarkKey;
import org.portcullis.bench.compare.CompareCli;
import org.portcullis.bench.compare.UsageException;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One step of {@code make benchmark-bisect}: rounds of the named benchmark's workload on the step (head) and
 * GOOD (base), judged after each round, until it decides, the budget has no room for another round, or
 * {@link AbGate#MAX_PAIRS} pairs. When BAD ran another number of SQL statements per request than GOOD
 * ({@code --statements G,B}) the step is judged by its count ({@link StepCountJudge}, one round); else by its
 * time against BAD's measured ratio ({@link StepJudge}). The forks are the gate's, whole
 * workloads in the gate's placement, so a step's pairs are of the same kind as the archive's and BAD's.
 *
 * <p>Prints the verdict as {@link GateResultQuery} does ("slower 1.712 1.650 1.790 2": like BAD, then the
 * median ratio, its interval, the pairs; "same": like GOOD; "undecided"), judged by count followed by the
 * step's SQL statements per request ("slower 1.859 0.000 999.000 1 2"), on its last line and into
 * {@code --out}/step.txt. Exit codes: 0 a verdict (any of the three), 1 the benchmark was not measured (a fork
 * failed, or a side lacks it), 2 usage or input error.
 */
public final class BisectStepCli {
    static final String USAGE = String.join("\n",
            "usage: BisectStepCli --base-dir DIR --base-classpath FILE --head-classpath FILE --bench Class.method",
            "                     (--bad-ratio R | --statements G,B) [--budget 4m] [--baselines DIR | --noise DIR]",
            "                     [--seed N] [--out DIR]",
            "  the step is the current directory's build (head), GOOD the base; R is BAD's ratio against GOOD,",
            "  G and B the SQL statements per request GOOD and BAD ran (judged by count when they differ)");

    private BisectStepCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new ProcessForkRunner(Path.of("target", "benchmarks", "ab-forks")), System::nanoTime,
                CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    static int run(String[] args, ForkRunner runner, LongSupplier clock, PrintStream out, PrintStream err) {
        try {
            CommandOptions options = CommandOptions.parse(args, Set.of(), Set.of(), Set.of("--base-dir",
                    "--base-classpath", "--head-classpath", "--bench", "--bad-ratio", "--budget", "--baselines",
                    "--noise", "--seed", "--out", "--statements"));
            Path baseDir = options.single("--base-dir").map(Path::of)
                    .orElseThrow(() -> new UsageException("--base-dir is required"));
            Checkout base = AbCli.checkout("base", baseDir, AbCli.required(options, "--base-classpath"));
            Checkout head = AbCli.checkout("head", Path.of(""), AbCli.required(options, "--head-classpath"));
            String benchmark = AbCli.benchmarkOption("--bench", options.single("--bench")
                    .orElseThrow(() -> new UsageException("--bench is required")));
            Optional<StepCountJudge> byCount = options.single("--statements").map(BisectStepCli::counts);
            Optional<Double> badRatio = options.single("--bad-ratio").map(Double::parseDouble);
            if (byCount.isEmpty() && badRatio.isEmpty()) {
                throw new UsageException("--bad-ratio or --statements is required");
            }
            if (badRatio.isPresent() && !(badRatio.get() > 1)) {
                throw new UsageException("--bad-ratio must be above 1 (BAD slower than GOOD), got " + badRatio.get());
            }
            long budget = options.single("--budget").map(AbCli::seconds).orElse(240L) * 1_000_000_000L;
            long seed = options.single("--seed").map(Long::parseLong).orElse(System.nanoTime() % 1_000_000);
            Path noise = options.path("--noise", options.path("--baselines", Path.of("baselines"))
                    .resolve(Platform.current()).resolve("aa-runs"));

            InterleavedRounds rounds = new InterleavedRounds(runner, base, head, seed, out, clock);
            Workload workload = Workload.of(benchmark);
            Optional<StepJudge> byTime = Optional.empty();
            if (byCount.isPresent()) {
                out.println("bisect step: " + byCount.get().describe());
            } else {
                NoiseArchive.Pool pool = NoiseArchive.load(noise).pool(benchmark, rounds.placement(workload));
                byTime = Optional.of(StepJudge.of(badRatio.get(), pool == null ? List.of() : pool.logRatios()));
                out.println("bisect step: " + byTime.get().describe() + (pool == null ? " (no A/A archive for it)"
                        : String.format(Locale.ROOT, " (%d archived A/A pairs)", pool.logRatios().size())));
            }

            List<PairedRatio.Pair> pairs = new ArrayList<>();
            AbVerdict verdict = AbVerdict.UNDECIDED;
            Optional<String> statements = Optional.empty();
            while (verdict == AbVerdict.UNDECIDED && pairs.size() < AbGate.MAX_PAIRS
                    && (rounds.rounds() == 0 || rounds.elapsedNanos() + rounds.roundNanos(workload) <= budget)) {
                Observations round = rounds.round(List.of(workload), "step");
                round.errors().forEach(error -> out.println("  fork error: " + error));
                List<PairedRatio.Pair> measured = round.pairs(benchmark);
                if (measured.isEmpty()) {
                    out.println("bisect step: " + BenchmarkKey.of(benchmark, "", Map.of()).shortName() + " was not measured in this round");
                    return CompareCli.REGRESSION;
                }
                pairs.addAll(measured);
                PairedRatio.Pair last = measured.get(measured.size() - 1);
                if (byCount.isPresent()) {
                    Optional<StatementCounts> counts = StatementCounts.of(round.work("base"), round.work("head")).stream()
                            .filter(counted -> counted.benchmark().equals(benchmark)).findFirst();
                    verdict = counts.map(byCount.get()::judge).orElse(AbVerdict.UNDECIDED);
                    statements = counts.flatMap(StatementCounts::headCount).map(StatementCounts::count);
                    out.printf(Locale.ROOT, "  pair %d: %.3f×, SQL statements per request: %s%n", pairs.size(),
                            last.head() / last.base(), counts.map(c -> c.line().orElse("unchanged, "
                                    + StatementCounts.count(c.baseCount().orElse(Double.NaN)))).orElse("not counted"));
                } else {
                    verdict = byTime.get().judge(pairs);
                    out.printf(Locale.ROOT, "  pair %d: %.3f× (%s)%n", pairs.size(), last.head() / last.base(),
                            last.head() / last.base() > byTime.get().midpoint() ? "like BAD" : "like GOOD");
                }
            }
            PairedRatio overall = PairedRatio.of(pairs);
            String line = String.format(Locale.ROOT, "%s %.3f %.3f %.3f %d", verdict.label().toLowerCase(Locale.ROOT),
                    overall.ratio(), overall.low(), Math.min(overall.high(), 999), overall.pairs())
                    + statements.map(count -> " " + count).orElse("");
            Path output = options.path("--out", Path.of("target", "benchmarks", "bisect-step"));
            Files.createDirectories(output);
            Files.writeString(output.resolve("step.txt"), line + "\n");
            out.println(line);
            return CompareCli.OK;
        } catch (UsageException | IllegalArgumentException e) {
            err.println("bisect-step: error: " + e.getMessage() + "\n" + USAGE);
            return CompareCli.USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("bisect-step: error: " + e.getMessage());
            return CompareCli.USAGE_ERROR;
        }
    }


    /** "G,B": GOOD's and BAD's SQL statements per request. */
    private static StepCountJudge counts(String given) {
        String[] parts = given.split(",");
        if (parts.length != 2) {
            throw new UsageException("--statements takes GOOD's and BAD's counts as G,B, got '" + given + "'");
        }
        return new StepCountJudge(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    }
}
