package org.portcullis.bench.ab;

import org.portcullis.bench.CommandOptions;
import org.portcullis.bench.Platform;
import org.portcullis.bench.compare.CompareCli;
import org.portcullis.bench.compare.UsageException;

import java.io.File;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code make benchmark-ab}: runs a built base checkout and this one interleaved and gates on the paired
 * ratios (see {@link AbGate}). Exit codes as the comparator's: 0 no regression, 1 a regression, a missing
 * benchmark or a failed fork, 2 usage or input error (one line on stderr).
 */
public final class AbCli {
    /** Kept from the budget for the end of the run; see {@link #measuringNanos}. */
    static final long FINISHING_SECONDS = 10;
    static final String USAGE = String.join("\n",
            "usage: AbCli --base-dir DIR --base-classpath FILE --head-classpath FILE [--base-label TEXT] [--head-label TEXT]",
            "             [--started EPOCH_SECONDS --budget 6m] [--strict] [--only Class.method] [--placement duet|sequential|alternating]",
            "             [--fail 30%] [--allow-missing NAME]... [--archive-aa COMMIT] [--noise DIR] [--seed N]",
            "             [--out target/benchmarks]",
            "  --*-classpath  a file listing the dependencies (maven-dependency-plugin build-classpath); the",
            "                 checkout's target/test-classes and target/classes come first",
            "  --budget       the time for the whole run from --started (make's start, so builds count): 90s, 6m, 1h;",
            "                 undecided benchmarks get rounds while another round fits",
            "  --strict       an undecided benchmark, or allocation beyond its threshold, fails the run",
            "  --only         measure and judge one benchmark (its workload runs whole, the client's mix up to it)",
            "  --placement    measure every workload this way instead of its own (for A/A campaigns)",
            "  --fail         one boundary for every benchmark instead of the A/A archive's (head/base − 1)",
            "  --allow-missing a benchmark (Class.method or full name) the head no longer has on purpose",
            "  --archive-aa   base and head are this one commit: add the run's pairs to the A/A archive",
            "  --noise        the A/A archive (default <--baselines, or baselines>/<platform>/aa-runs)",
            "exit codes: 0 no regression, 1 slower, missing benchmark, failed fork (or undecided with --strict), 2 usage or input error");

    private AbCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new ProcessForkRunner(Path.of("target", "benchmarks", "ab-forks")),
                CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    /** Runs the gate with {@code runner} and returns the exit code; never throws for bad input. */
    public static int run(String[] args, ForkRunner runner, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && args[0].equals("--help")) {
                out.println(USAGE);
                return CompareCli.OK;
            }
            CommandOptions options = CommandOptions.parse(args, Set.of("--strict"), Set.of("--allow-missing"),
                    Set.of("--base-dir", "--base-classpath", "--head-classpath", "--base-label", "--head-label",
                            "--started", "--budget", "--strict", "--only", "--placement", "--fail", "--allow-missing",
                            "--archive-aa", "--noise", "--baselines", "--seed", "--out"));
            Path baseDir = options.single("--base-dir").map(Path::of)
                    .orElseThrow(() -> new UsageException("--base-dir is required"));
            Checkout base = checkout("base", baseDir, required(options, "--base-classpath"));
            Checkout head = checkout("head", Path.of(""), required(options, "--head-classpath"));
            long seed = options.single("--seed").map(Long::parseLong).orElse(System.nanoTime() % 1_000_000);
            InterleavedRounds rounds = new InterleavedRounds(runner, base, head, seed, out);
            options.single("--placement").map(Placement::parse).ifPresent(rounds::placeAll);
            Optional<String> only = options.single("--only").map(name -> benchmarkOption("--only", name));
            only.ifPresent(rounds::judgingOnly);
            long started = options.single("--started").map(Long::parseLong).orElse(Instant.now().getEpochSecond());
            long budget = options.single("--budget").map(AbCli::seconds)
                    .map(seconds -> measuringNanos(started, seconds, Instant.now().getEpochSecond()))
                    .orElse(Long.MAX_VALUE);
            Path noise = options.path("--noise", options.path("--baselines", Path.of("baselines"))
                    .resolve(Platform.current()).resolve("aa-runs"));
            Function<String, Boundary> boundaries;
            String note;
            Optional<Threshold> override = options.single("--fail").map(Threshold::override);
            if (override.isPresent()) {
                Threshold fixed = override.get();
                boundaries = name -> Boundary.constant(fixed.family(), "--fail", fixed.ratio());
                note = "one boundary for every benchmark: " + fixed.family();
            } else {
                NoiseModel model = NoiseModel.forGate(NoiseArchive.load(noise), name -> rounds.placement(Workload.of(name)));
                boundaries = model::boundary;
                note = model.describe();
            }
            out.println("benchmark-ab: " + note);
            AbGate gate = new AbGate(rounds, only, boundaries, budget, new HashSet<>(options.all("--allow-missing")), note);
            GateResult result = gate.run(options.single("--base-label").orElse(baseDir.toString()),
                    options.single("--head-label").orElse("working tree"), seed, options.has("--strict"));
            Path output = options.path("--out", Path.of("target", "benchmarks"));
            GateReport.printConsole(result, out);
            GateReport.write(result, output.resolve("ab-report.md"), output.resolve("ab-report.html"));
            GateJson.write(result, baseDir, Path.of(""), options.single("--only"), Instant.now(), output.resolve("ab-result.json"));
            out.println("report: " + output.resolve("ab-report.md") + ", " + output.resolve("ab-report.html")
                    + ", " + output.resolve("ab-result.json"));
            if (only.isPresent() && result.judgements().isEmpty() && result.missing().isEmpty()) {
                throw new UsageException("--only " + options.single("--only").get() + ": neither side measured it");
            }
            Optional<String> archiveCommit = options.single("--archive-aa");
            if (archiveCommit.isPresent() && result.errors().isEmpty()) {
                Map<String, Placement> placements = new HashMap<>();
                result.observations().paired().forEach(name -> placements.put(name, rounds.placement(Workload.of(name))));
                out.println("A/A run archived: " + NoiseArchive.append(noise, archiveCommit.get(), seed,
                        result.observations(), placements));
            }
            return result.fails() ? CompareCli.REGRESSION : CompareCli.OK;
        } catch (UsageException | NumberFormatException e) {
            err.println("benchmark-ab: error: " + e.getMessage() + " (see --help)");
            return CompareCli.USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("benchmark-ab: error: " + e.getMessage());
            return CompareCli.USAGE_ERROR;
        }
    }

    /** "90s", "6m", "1h" or plain seconds. */
    static long seconds(String duration) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)([smh]?)").matcher(duration.trim());
        if (!matcher.matches()) {
            throw new UsageException("--budget takes a duration such as 90s, 6m or 1h, got '" + duration + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount;
        };
    }

    /**
     * The time the rounds may take: what is left of the budget counted from make's start, less
     * {@link #FINISHING_SECONDS} for what follows the last round (judging, the reports, the archive, the JVM's
     * and make's exit): without it, A/A runs planned to the second ended 6m08s into a 6-minute budget.
     */
    static long measuringNanos(long startedEpochSeconds, long budgetSeconds, long nowEpochSeconds) {
        return Math.max(0, startedEpochSeconds + budgetSeconds - FINISHING_SECONDS - nowEpochSeconds) * 1_000_000_000L;
    }

    /** The full name of the benchmark an option names (Class.method or in full), if a workload runs it. */
    static String benchmarkOption(String option, String name) {
        try {
            String benchmark = Workload.benchmarkName(name);
            Workload.of(benchmark);
            return benchmark;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + name + ": " + e.getMessage());
        }
    }

    static Path required(CommandOptions options, String name) {
        return options.single(name).map(Path::of).orElseThrow(() -> new UsageException(name + " is required"));
    }

    /** The checkout's classes first, then its dependencies; it must hold the gate's latency launcher. */
    static Checkout checkout(String name, Path directory, Path dependencies) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        Path launcher = root.resolve("target/test-classes/" + LatencyLauncher.class.getName().replace('.', '/') + ".class");
        if (!Files.isRegularFile(launcher)) {
            throw new UsageException(name + " checkout " + root + " is not built or predates the A/B gate (no "
                    + launcher.getFileName() + " in its target/test-classes)");
        }
        if (!Files.isRegularFile(dependencies)) {
            throw new UsageException(name + " classpath file not found: " + dependencies);
        }
        String classpath = String.join(File.pathSeparator, root.resolve("target/test-classes").toString(),
                root.resolve("target/classes").toString(), Files.readString(dependencies).trim());
        return new Checkout(name, root, classpath);
    }
}
