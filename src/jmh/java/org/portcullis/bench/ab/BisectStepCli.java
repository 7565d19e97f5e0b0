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
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One step of {@code make benchmark-bisect}: rounds of the named benchmark's workload on the step (head) and
 * GOOD (base), judged after each round by a {@link StepJudge} for BAD's measured ratio, until it decides, the
 * budget has no room for another round, or {@link AbGate#MAX_PAIRS} pairs. The forks are the gate's, whole
 * workloads in the gate's placement, so a step's pairs are of the same kind as the archive's and BAD's.
 *
 * <p>Prints the verdict as {@link GateResultQuery} does ("slower 1.712 1.650 1.790 2": like BAD, then the
 * median ratio, its interval, the pairs; "same": like GOOD; "undecided") on its last line and into
 * {@code --out}/step.txt. Exit codes: 0 a verdict (any of the three), 1 the benchmark was not measured (a fork
 * failed, or a side lacks it), 2 usage or input error.
 */
public final class BisectStepCli {
    static final String USAGE = String.join("\n",
            "usage: BisectStepCli --base-dir DIR --base-classpath FILE --head-classpath FILE --bench Class.method",
            "                     --bad-ratio R [--budget 4m] [--baselines DIR | --noise DIR] [--seed N] [--out DIR]",
            "  the step is the current directory's build (head), GOOD the base; R is BAD's ratio against GOOD");

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
                    "--noise", "--seed", "--out"));
            Path baseDir = options.single("--base-dir").map(Path::of)
                    .orElseThrow(() -> new UsageException("--base-dir is required"));
            Checkout base = AbCli.checkout("base", baseDir, AbCli.required(options, "--base-classpath"));
            Checkout head = AbCli.checkout("head", Path.of(""), AbCli.required(options, "--head-classpath"));
            String benchmark = AbCli.benchmarkOption("--bench", options.single("--bench")
                    .orElseThrow(() -> new UsageException("--bench is required")));
            double badRatio = options.single("--bad-ratio").map(Double::parseDouble)
                    .orElseThrow(() -> new UsageException("--bad-ratio is required"));
            if (!(badRatio > 1)) {
                throw new UsageException("--bad-ratio must be above 1 (BAD slower than GOOD), got " + badRatio);
            }
            long budget = options.single("--budget").map(AbCli::seconds).orElse(240L) * 1_000_000_000L;
            long seed = options.single("--seed").map(Long::parseLong).orElse(System.nanoTime() % 1_000_000);
            Path noise = options.path("--noise", options.path("--baselines", Path.of("baselines"))
                    .resolve(Platform.current()).resolve("aa-runs"));

            InterleavedRounds rounds = new InterleavedRounds(runner, base, head, seed, out, clock);
            Workload workload = Workload.of(benchmark);
            NoiseArchive.Pool pool = NoiseArchive.load(noise).pool(benchmark, rounds.placement(workload));
            StepJudge judge = StepJudge.of(badRatio, pool == null ? List.of() : pool.logRatios());
            out.println("bisect step: " + judge.describe() + (pool == null ? " (no A/A archive for it)"
                    : String.format(Locale.ROOT, " (%d archived A/A pairs)", pool.logRatios().size())));

            List<PairedRatio.Pair> pairs = new ArrayList<>();
            AbVerdict verdict = AbVerdict.UNDECIDED;
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
                verdict = judge.judge(pairs);
                PairedRatio.Pair last = measured.get(measured.size() - 1);
                out.printf(Locale.ROOT, "  pair %d: %.3f× (%s)%n", pairs.size(), last.head() / last.base(),
                        last.head() / last.base() > judge.midpoint() ? "like BAD" : "like GOOD");
            }
            PairedRatio overall = PairedRatio.of(pairs);
            String line = String.format(Locale.ROOT, "%s %.3f %.3f %.3f %d", verdict.label().toLowerCase(Locale.ROOT),
                    overall.ratio(), overall.low(), Math.min(overall.high(), 999), overall.pairs());
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

}
