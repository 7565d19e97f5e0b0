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
import java.util.Set;
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
            "  --effects  the slowdowns to state a chance for, in percent (head/base − 1)",
            "  --pairs    the pairs a run ends with, from " + AbGate.MIN_PAIRS + " to " + AbGate.MAX_PAIRS
                    + " (a pair is a round of the benchmark's workload: make benchmark-ab prints when each began)",
            "  --only     one benchmark instead of every one the archive covers",
            "  --runs     simulated runs per slowdown, at least 100",
            "  --noise    the A/A archive (default baselines/<platform>/aa-runs)",
            "exit codes: 0 stated, 2 usage or input error");
    /** A slowdown as make's EFFECTS spells it: a percentage, the sign required, so 0.1 is not read as 10 %. */
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    /** The simulated runs' own seed (the boundaries keep the gate's): fixed, so one archive gives one table. */
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
            List<String> effects = effects(options.single("--effects").orElse("10%,15%,20%"));
            int[] pairs = pairs(options.single("--pairs").orElse("3,5,8,12"));
            int runs = options.number("--runs", 4000, 100);
            Path noise = options.path("--noise", Path.of("baselines").resolve(Platform.current()).resolve("aa-runs"));
            NoiseModel model = NoiseModel.forGate(NoiseArchive.load(noise),
                    name -> InterleavedRounds.placementHere(Workload.of(name)));
            List<String> archived = model.archived();
            List<String> covered = options.single("--only").map(name -> AbCli.benchmarkOption("--only", name))
                    .map(name -> archived.contains(name) ? List.of(name) : List.<String>of()).orElse(archived);
            out.println("benchmark-power: " + model.describe());
            if (covered.isEmpty()) {
                out.println("No boundary of " + options.single("--only").orElse("any benchmark")
                        + " comes from archived A/A pairs in its placement here: nothing to state.");
                return CompareCli.OK;
            }
            out.println("The chance that the A/B gate calls a slowdown slower in a run that ends after so many pairs of it,"
                    + " judged on all of them, at the archive's noise:");
            out.println();
            StringBuilder header = new StringBuilder("| Benchmark | Slower by |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (int n : pairs) {
                header.append(' ').append(n).append(" pairs |");
                rule.append("---|");
            }
            out.println(header.append(" Noise from |"));
            out.println(rule.append("---|"));
            for (String benchmark : covered) {
                String name = BenchmarkKey.of(benchmark, "", Map.of()).shortName();
                for (String effect : effects) {
                    double[] chances = model.power(benchmark, 1 + percent(effect) / 100, pairs, runs, SEED).orElseThrow();
                    StringBuilder row = new StringBuilder("| " + name + " | " + effect + " |");
                    for (double chance : chances) {
                        row.append(String.format(Locale.ROOT, " %.0f %% |", chance * 100));
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

    /** "10%,15%": each a slowdown in percent, as given (the table prints them so). */
    static List<String> effects(String text) {
        List<String> effects = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String effect = item.trim();
            if (!PERCENT.matcher(effect).matches() || percent(effect) <= 0) {
                throw new UsageException("--effects takes slowdowns in percent such as 10%,15%, got '" + effect + "'");
            }
            if (!effects.contains(effect)) {
                effects.add(effect);
            }
        }
        return effects;
    }

    private static double percent(String effect) {
        return Double.parseDouble(effect.substring(0, effect.length() - 1));
    }

    /** "3,5,8" as the pair counts a run can end with, in order. */
    static int[] pairs(String text) {
        List<Integer> pairs = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            int n;
            try {
                n = Integer.parseInt(item.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--pairs takes whole numbers such as 3,5,8, got '" + item.trim() + "'");
            }
            if (n < AbGate.MIN_PAIRS || n > AbGate.MAX_PAIRS) {
                throw new UsageException("--pairs: a run ends with " + AbGate.MIN_PAIRS + " to " + AbGate.MAX_PAIRS
                        + " pairs, got " + n);
            }
            pairs.add(n);
        }
        return pairs.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }
}
