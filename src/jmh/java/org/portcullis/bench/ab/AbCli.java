package org.portcullis.bench.ab;

import org.portcullis.bench.CommandOptions;
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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code make benchmark-ab}: runs a built base checkout and this one interleaved and gates on the paired
 * ratios (see {@link AbGate}). Exit codes as the comparator's: 0 no regression, 1 a regression, a missing
 * benchmark or a failed fork, 2 usage or input error (one line on stderr).
 */
public final class AbCli {
    static final String USAGE = String.join("\n",
            "usage: AbCli --base-dir DIR --base-classpath FILE --head-classpath FILE [--base-label TEXT] [--head-label TEXT]",
            "             [--rounds 3] [--confirm-rounds 2] [--fail 30%] [--allow-missing NAME]... [--seed N]",
            "             [--out target/benchmarks] [--only Class.method]",
            "  --*-classpath  a file listing the dependencies (maven-dependency-plugin build-classpath); the",
            "                 checkout's target/test-classes and target/classes come first",
            "  --fail         one threshold for every benchmark instead of the family defaults (head/base − 1)",
            "  --allow-missing a benchmark (Class.method or full name) the head no longer has on purpose",
            "  --only         run only that benchmark's workload and judge only that benchmark",
            "exit codes: 0 no regression, 1 regression, missing benchmark or failed fork, 2 usage or input error");

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
            CommandOptions options = CommandOptions.parse(args, Set.of(), Set.of("--allow-missing"),
                    Set.of("--base-dir", "--base-classpath", "--head-classpath", "--base-label", "--head-label",
                            "--rounds", "--confirm-rounds", "--fail", "--allow-missing", "--seed", "--out", "--only"));
            Path baseDir = options.single("--base-dir").map(Path::of)
                    .orElseThrow(() -> new UsageException("--base-dir is required"));
            Checkout base = checkout("base", baseDir, required(options, "--base-classpath"));
            Checkout head = checkout("head", Path.of(""), required(options, "--head-classpath"));
            long seed = options.single("--seed").map(Long::parseLong).orElse(System.nanoTime() % 1_000_000);
            Optional<Threshold> override = options.single("--fail").map(Threshold::override);
            InterleavedRounds rounds = new InterleavedRounds(runner, base, head, seed, out);
            int measureRounds = options.number("--rounds", 3, 2);
            int confirmRounds = options.number("--confirm-rounds", 2, 1);
            if (measureRounds + confirmRounds < PairedRatio.MIN_PAIRS) {
                throw new UsageException("--rounds plus --confirm-rounds must be at least " + PairedRatio.MIN_PAIRS
                        + ": a regression is judged on the range of its pairs, a " + PairedRatio.CONFIDENCE * 100
                        + " % interval only from " + PairedRatio.MIN_PAIRS + " pairs on");
            }
            GateScope scope = options.single("--only").map(GateScope::only).orElse(GateScope.all());
            AbGate gate = new AbGate(rounds, measureRounds, confirmRounds, override,
                    new HashSet<>(options.all("--allow-missing")), scope);
            GateResult result = gate.run(options.single("--base-label").orElse(baseDir.toString()),
                    options.single("--head-label").orElse("working tree"), seed);
            Path output = options.path("--out", Path.of("target", "benchmarks"));
            GateReport.printConsole(result, out);
            GateReport.write(result, output.resolve("ab-report.md"), output.resolve("ab-report.html"));
            GateJson.write(result, baseDir, Path.of(""), scope.only(), Instant.now(), output.resolve("ab-result.json"));
            out.println("report: " + output.resolve("ab-report.md") + ", " + output.resolve("ab-report.html")
                    + ", " + output.resolve("ab-result.json"));
            if (scope.only().isPresent() && result.judgements().isEmpty() && result.missing().isEmpty()) {
                throw new UsageException("--only " + scope.only().get() + ": neither side measured it");
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

    private static Path required(CommandOptions options, String name) {
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
