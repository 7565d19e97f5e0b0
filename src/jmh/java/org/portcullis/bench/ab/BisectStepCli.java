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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One step of {@code make benchmark-bisect}: rounds of the named benchmark's workload, judged after each round,
 * until the step is decided, the budget has no room for another round, or {@link AbGate#MAX_PAIRS} rounds.
 * When BAD ran another number of SQL statements per request than GOOD ({@code --statements G,B}) the step
 * (head) and GOOD (base) run one round and the step is judged by its count ({@link StepCountJudge}). Else each
 * round runs GOOD, the step and BAD ({@code --bad-dir}), one after another, and the step is judged by which of
 * the two its time lies nearer ({@link StepJudge}; BAD's ratio {@code --bad-ratio} sets the votes that decide).
 * The forks are the gate's, whole workloads, so their figures are of the same kind as the archive's and BAD's.
 *
 * <p>Prints the verdict as {@link GateResultQuery} does ("slower 1.712 1.650 1.790 2": like BAD, then the
 * median ratio against GOOD over the rounds, its interval, the rounds; "same": like GOOD; "undecided"), judged by count followed by the
 * step's SQL statements per request ("slower 1.859 0.000 999.000 1 2"), on its last line and into
 * {@code --out}/step.txt. Exit codes: 0 a verdict (any of the three), 1 the benchmark was not measured (a fork
 * failed, or a side lacks it), 2 usage or input error.
 */
public final class BisectStepCli {
    static final String USAGE = String.join("\n",
            "usage: BisectStepCli --base-dir DIR --base-classpath FILE --head-classpath FILE --bench Class.method",
            "                     (--bad-dir DIR --bad-classpath FILE --bad-ratio R | --statements G,B) [--budget 5m]",
            "                     [--rounds FILE] [--baselines DIR | --noise DIR] [--seed N] [--out DIR]",
            "  the step is the current directory's build (head), GOOD the base, BAD the build in --bad-dir; R is",
            "  BAD's ratio against GOOD, G and B the SQL statements per request GOOD and BAD ran (judged by count",
            "  when they differ); FILE keeps every round the step was measured in, judged together when this",
            "  judgement's own rounds leave it undecided");

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
                    "--noise", "--seed", "--out", "--statements", "--bad-dir", "--bad-classpath", "--rounds"));
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
            long budget = options.single("--budget").map(AbCli::seconds).orElse(300L) * 1_000_000_000L;
            long seed = options.single("--seed").map(Long::parseLong).orElse(System.nanoTime() % 1_000_000);
            Path noise = options.path("--noise", options.path("--baselines", Path.of("baselines"))
                    .resolve(Platform.current()).resolve("aa-runs"));

            Optional<String> badDir = options.single("--bad-dir");
            if (byCount.isEmpty() && badDir.isEmpty()) {
                throw new UsageException("judged by time, a step needs BAD's build: --bad-dir and --bad-classpath");
            }
            Optional<Checkout> bad = badDir.isEmpty() ? Optional.empty()
                    : Optional.of(AbCli.checkout("bad", Path.of(badDir.get()), AbCli.required(options, "--bad-classpath")));

            InterleavedRounds rounds = new InterleavedRounds(runner, base, head, seed, out, clock).judgingOnly(benchmark);
            Optional<Judged> judged = byCount.isPresent() ? byCount(byCount.get(), rounds, benchmark, out)
                    : byTime(badRatio.get(), List.of(base, head, bad.get()), noise, budget, rounds, benchmark,
                    options.single("--rounds").map(Path::of), out);
            if (judged.isEmpty()) {
                return CompareCli.REGRESSION;
            }
            AbVerdict verdict = judged.get().verdict();
            List<PairedRatio.Pair> pairs = judged.get().pairs();
            Optional<String> statements = judged.get().statements();
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

    /** A step's answer: the verdict, the step's pairs against GOOD, its SQL statements per request when counted. */
    private record Judged(AbVerdict verdict, List<PairedRatio.Pair> pairs, Optional<String> statements) {
    }

    /** One round of GOOD and the step, judged by the step's count; empty when the benchmark was not measured. */
    private static Optional<Judged> byCount(StepCountJudge judge, InterleavedRounds rounds, String benchmark,
                                            PrintStream out) {
        out.println("bisect step: " + judge.describe());
        Observations round = rounds.round(List.of(Workload.of(benchmark)), "step");
        round.errors().forEach(error -> out.println("  fork error: " + error));
        List<PairedRatio.Pair> pairs = round.pairs(benchmark);
        if (pairs.isEmpty()) {
            out.println("bisect step: " + shortName(benchmark) + " was not measured in this round");
            return Optional.empty();
        }
        Optional<StatementCounts> counts = StatementCounts.of(round.work("base"), round.work("head")).stream()
                .filter(counted -> counted.benchmark().equals(benchmark)).findFirst();
        out.printf(Locale.ROOT, "  pair 1: %.3f×, SQL statements per request: %s%n", pairs.get(0).head() / pairs.get(0).base(),
                counts.map(c -> c.line().orElse("unchanged, " + StatementCounts.count(c.baseCount().orElse(Double.NaN))))
                        .orElse("not counted"));
        return Optional.of(new Judged(counts.map(judge::judge).orElse(AbVerdict.UNDECIDED), pairs,
                counts.flatMap(StatementCounts::headCount).map(StatementCounts::count)));
    }

    /**
     * Rounds of {@code sides}, GOOD, the step and BAD, until the step is decided or the budget or
     * {@link AbGate#MAX_PAIRS} rounds (as many as the gate's pairs) end; empty when a fork did not measure the
     * benchmark.
     *
     * <p>A commit the bisection judges again (the named one and its parent, or a step skipped before) has been
     * measured in earlier rounds, kept in {@code roundsFile}. These rounds are judged alone first, so a step
     * misjudged before can come out the other way; left undecided, they are judged together with the earlier
     * ones, as one sequential test: on a noisy afternoon the slower commit, two votes like BAD as a step,
     * split two to two when judged again and the bisection stopped unconfirmed (bisect run 14).
     */
    private static Optional<Judged> byTime(double badRatio, List<Checkout> sides, Path noise, long budget,
                                           InterleavedRounds rounds, String benchmark, Optional<Path> roundsFile,
                                           PrintStream out) throws IOException {
        Workload workload = Workload.of(benchmark);
        // a round's noise is that of the A/A pairs measured the way its sides run (a duet pair's, whose two forks
        // share the machine's moments, would understate a sequential round's)
        NoiseArchive.Pool pool = NoiseArchive.load(noise).pool(benchmark, rounds.placementOfSides(workload));
        StepJudge judge = StepJudge.of(badRatio, pool == null ? List.of() : pool.logRatios());
        out.println("bisect step: " + judge.describe() + (pool == null ? " (no A/A archive for it)"
                : String.format(Locale.ROOT, " (%d archived A/A pairs)", pool.logRatios().size())));
        List<StepJudge.Round> judged = new ArrayList<>();
        AbVerdict verdict = AbVerdict.UNDECIDED;
        while (verdict == AbVerdict.UNDECIDED && judged.size() < AbGate.MAX_PAIRS
                && (rounds.rounds() == 0 || rounds.elapsedNanos() + rounds.roundNanos(workload) <= budget)) {
            List<ForkOutcome> forks = rounds.round(sides, workload, "step");
            for (int side = 0; side < forks.size(); side++) {
                String name = sides.get(side).name();
                forks.get(side).errors().forEach(error -> out.println("  fork error: " + name + ": " + error));
            }
            Observations step = new Observations();
            step.add(forks.get(0), forks.get(1));
            Observations bad = new Observations();
            bad.add(forks.get(0), forks.get(2));
            if (step.pairs(benchmark).isEmpty() || bad.pairs(benchmark).isEmpty()) {
                out.println("bisect step: " + shortName(benchmark) + " was not measured in this round");
                return Optional.empty();
            }
            PairedRatio.Pair stepPair = step.pairs(benchmark).get(0);
            StepJudge.Round round = new StepJudge.Round(stepPair.base(), stepPair.head(), bad.pairs(benchmark).get(0).head());
            judged.add(round);
            verdict = judge.judge(judged);
            out.printf(Locale.ROOT, "  round %d: step %.3f×, BAD %.3f× against GOOD: %s%n", judged.size(),
                    round.step() / round.good(), round.bad() / round.good(), round.judged());
        }
        PairedRatio badOverall = PairedRatio.of(judged.stream().map(StepJudge.Round::badPair).toList());
        out.printf(Locale.ROOT, "  BAD against GOOD in these rounds: %.3f× [%.3f×, %.3f×]%n", badOverall.ratio(),
                badOverall.low(), Math.min(badOverall.high(), 999));
        List<StepJudge.Round> earlier = roundsFile.isPresent() ? readRounds(roundsFile.get()) : List.of();
        if (roundsFile.isPresent()) {
            appendRounds(roundsFile.get(), judged);
        }
        if (verdict == AbVerdict.UNDECIDED && !earlier.isEmpty()) {
            List<StepJudge.Round> all = new ArrayList<>(earlier);
            all.addAll(judged);
            verdict = judge.judge(all);
            out.printf(Locale.ROOT, "  undecided alone; with the %d rounds it was measured in before: %s%n", earlier.size(),
                    StepJudge.answer(verdict));
            judged = all;
        }
        return Optional.of(new Judged(verdict, judged.stream().map(StepJudge.Round::stepPair).toList(), Optional.empty()));
    }

    /** The rounds kept in {@code file}, one a line: GOOD's, the step's and BAD's figure; none without the file. */
    private static List<StepJudge.Round> readRounds(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<StepJudge.Round> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] figures = line.trim().split("\\s+");
            if (figures.length != 3) {
                throw new UsageException("--rounds " + file + ": not 'good step bad': '" + line + "'");
            }
            kept.add(new StepJudge.Round(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]),
                    Double.parseDouble(figures[2])));
        }
        return kept;
    }

    private static void appendRounds(Path file, List<StepJudge.Round> rounds) throws IOException {
        StringBuilder lines = new StringBuilder();
        rounds.forEach(round -> lines.append(String.format(Locale.ROOT, "%s %s %s%n", round.good(), round.step(), round.bad())));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String shortName(String benchmark) {
        return BenchmarkKey.of(benchmark, "", Map.of()).shortName();
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
