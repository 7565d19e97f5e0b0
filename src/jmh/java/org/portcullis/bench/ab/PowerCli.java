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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make benchmark-power}: how likely the A/B gate is to call a slowdown of a given size slower, per
 * benchmark, when a run ends after a given number of pairs, at the noise of this platform's A/A archive and with
 * the boundaries the gate itself would use ({@link NoiseModel#power}). The report's "detectable" column says what
 * one run's own spread could have seen; this says, before any run, what budget a slowdown of interest needs.
 * Nothing is measured: it reads the archive only.
 */
public final class PowerCli {
    static final String USAGE = String.join("\n",
            "usage: PowerCli [--effects 10%,15%,20%] [--pairs 3,5,8,12] [--only Class.method] [--runs 4000] [--noise DIR]",
            "  --effects  the slowdowns to state a chance for (head/base − 1)",
            "  --pairs    the pairs a run ends with, from " + AbGate.MIN_PAIRS + " to " + AbGate.MAX_PAIRS
                    + " (a pair is a round of the benchmark's workload: make benchmark-ab prints how long each took)",
            "  --only     one benchmark instead of every one the archive covers",
            "  --runs     simulated runs per figure",
            "  --noise    the A/A archive (default baselines/<platform>/aa-runs)",
            "exit codes: 0 stated, 2 usage or input error");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%?");
    private static final long SEED = 1;

    private PowerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    /** Prints the table and returns the exit code; never throws for bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && args[0].equals("--help")) {
                out.println(USAGE);
                return CompareCli.OK;
            }
            CommandOptions options = CommandOptions.parse(args, Set.of(), Set.of(),
                    Set.of("--effects", "--pairs", "--only", "--runs", "--noise"));
            List<Double> effects = effects(options.single("--effects").orElse("10%,15%,20%"));
            List<Integer> pairs = pairs(options.single("--pairs").orElse("3,5,8,12"));
            int runs = options.number("--runs", 4000, 100);
            Path noise = options.path("--noise", Path.of("baselines").resolve(Platform.current()).resolve("aa-runs"));
            NoiseModel model = NoiseModel.of(NoiseArchive.load(noise),
                    name -> InterleavedRounds.placementHere(Workload.of(name), null), AbGate.MAX_PAIRS, AbCli.NOISE_SEED);
            List<String> benchmarks = options.single("--only")
                    .map(name -> List.of(AbCli.benchmarkOption("--only", name))).orElse(model.archived());
            out.println("benchmark-power: " + model.describe());
            if (model.archived().isEmpty()) {
                out.println("No benchmark has archived A/A pairs to resample: nothing to state.");
                return CompareCli.OK;
            }
            out.println("The chance that the A/B gate calls a slowdown slower when the run ends after so many pairs"
                    + " (judged after each, stopped when decided), at the archive's noise:");
            out.println();
            StringBuilder header = new StringBuilder("| Benchmark | Slower by |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (int n : pairs) {
                header.append(' ').append(n).append(" pairs |");
                rule.append("---|");
            }
            out.println(header.append(" Noise from |"));
            out.println(rule.append("---|"));
            for (String benchmark : benchmarks) {
                for (double effect : effects) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s |",
                            BenchmarkKey.of(benchmark, "", Map.of()).shortName(), percent(effect - 1)));
                    for (int n : pairs) {
                        OptionalDouble power = model.power(benchmark, effect, n, runs, SEED);
                        row.append(' ').append(power.isPresent() ? percent(power.getAsDouble()) : "—").append(" |");
                    }
                    out.println(row.append(' ').append(model.boundary(benchmark).source()).append(" |"));
                }
            }
            return CompareCli.OK;
        } catch (UsageException | NumberFormatException e) {
            err.println("benchmark-power: error: " + e.getMessage() + " (see --help)");
            return CompareCli.USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("benchmark-power: error: " + e.getMessage());
            return CompareCli.USAGE_ERROR;
        }
    }

    /** "10%,15%" as ratios (1.10, 1.15); each must be a slowdown. */
    static List<Double> effects(String text) {
        List<Double> effects = new ArrayList<>();
        for (String item : text.split(",")) {
            Matcher matcher = PERCENT.matcher(item.trim());
            if (!matcher.matches() || Double.parseDouble(matcher.group(1)) <= 0) {
                throw new UsageException("--effects takes slowdowns such as 10%,15%, got '" + item.trim() + "'");
            }
            effects.add(1 + Double.parseDouble(matcher.group(1)) / 100);
        }
        return effects;
    }

    /** "3,5,8" as pair counts, each one a run can end with. */
    static List<Integer> pairs(String text) {
        List<Integer> pairs = new ArrayList<>();
        for (String item : text.split(",")) {
            int n = Integer.parseInt(item.trim());
            if (n < AbGate.MIN_PAIRS || n > AbGate.MAX_PAIRS) {
                throw new UsageException("--pairs: a run ends with " + AbGate.MIN_PAIRS + " to " + AbGate.MAX_PAIRS
                        + " pairs, got " + n);
            }
            pairs.add(n);
        }
        return pairs.stream().distinct().sorted().toList();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
