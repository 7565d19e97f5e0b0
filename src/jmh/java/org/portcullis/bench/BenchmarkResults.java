package org.portcullis.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.portcullis.bench.compare.CompareCli;
import org.portcullis.bench.compare.ResultFile;
import org.portcullis.bench.compare.UsageException;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark pipeline after the measuring, for bench.mk:
 * <ul>
 *   <li>{@code merge}: jmh.json + latency.json → results.json with machine and commit info, jmh-results.json
 *       (the plain JMH array, for other tools), and the table;</li>
 *   <li>{@code save}: results.json → {@code baselines/<platform>/NNNN_<name>.json};</li>
 *   <li>{@code check}: compare results.json with the platform's newest baseline through {@link CompareCli}
 *       (its exit code is returned), or, when the platform has none yet, save this run as the first one
 *       and warn: a first run has nothing to regress from.</li>
 * </ul>
 * Exit codes as the comparator's: 0 fine, 1 regression, 2 usage or input error (one line on stderr).
 */
public final class BenchmarkResults {
    static final Path BENCHMARKS = Path.of("target", "benchmarks");
    static final Path BASELINES = Path.of("baselines");

    static final String USAGE = String.join("\n",
            "usage: BenchmarkResults merge [--jmh target/benchmarks/jmh.json] [--latency target/benchmarks/latency.json]...",
            "                              [--out target/benchmarks/results.json] [--jmh-out target/benchmarks/jmh-results.json]",
            "       BenchmarkResults save  [--results target/benchmarks/results.json] [--baselines baselines] [--name baseline]",
            "                              [--force] (a run of a dirty tree is saved only with --force)",
            "       BenchmarkResults check [--results target/benchmarks/results.json] [--baselines baselines]",
            "                              [--fail mean:200%]... [--allow-missing NAME]... [--normalize]",
            "                              [--report F] [--chart F]",
            "exit codes: 0 no regression, 1 regression (check), 2 usage or input error");

    private static final Set<String> FLAGS = Set.of("--normalize", "--force");

    private BenchmarkResults() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    /**
     * Runs one command and returns its exit code; never throws for bad input.
     *
     * @param environment the process environment: {@code CI=true} turns a missing baseline into an error
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--help")) {
                out.println(USAGE);
                return args.length == 0 ? CompareCli.USAGE_ERROR : CompareCli.OK;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "merge" -> merge(options(rest, "--jmh", "--latency", "--out", "--jmh-out"), out, err);
                case "save" -> save(options(rest, "--results", "--baselines", "--name", "--force"), out);
                case "check" -> check(options(rest, "--results", "--baselines", "--fail", "--allow-missing",
                        "--normalize", "--report", "--chart", "--force"), "true".equals(environment.get("CI")), out, err);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("benchmark-results: error: " + e.getMessage() + " (see --help)");
            return CompareCli.USAGE_ERROR;
        } catch (IOException e) {
            err.println("benchmark-results: error: " + e.getMessage());
            return CompareCli.USAGE_ERROR;
        }
    }

    private static int merge(CommandOptions options, PrintStream out, PrintStream err) throws IOException {
        Path jmh = options.path("--jmh", BENCHMARKS.resolve("jmh.json"));
        List<Path> latency = options.all("--latency").stream().map(Path::of).toList();
        Path target = options.path("--out", BENCHMARKS.resolve("results.json"));
        Path export = options.path("--jmh-out", BENCHMARKS.resolve("jmh-results.json"));
        ArrayNode benchmarks = JmhExport.of(ResultsFile.benchmarks(jmh,
                latency.isEmpty() ? List.of(BENCHMARKS.resolve("latency.json")) : latency, err));
        ResultFile written = ResultsFile.write(ResultsFile.envelope(MachineProbe.current(),
                CommitInfo.of(Path.of("")), Instant.now(), benchmarks), target);
        ResultsFile.writeArray(benchmarks, export);
        out.print(ResultsTable.format(written.benchmarks()));
        out.println("results: " + target + " (for other JMH tools: " + export + ")");
        return CompareCli.OK;
    }

    private static int save(CommandOptions options, PrintStream out) {
        Path results = options.path("--results", BENCHMARKS.resolve("results.json"));
        Path saved = saveBaseline(store(options), results, options.single("--name").orElse("baseline"),
                options.has("--force"));
        out.println("Saved benchmark baseline: " + saved);
        return CompareCli.OK;
    }

    private static int check(CommandOptions options, boolean ci, PrintStream out, PrintStream err) {
        Path results = options.path("--results", BENCHMARKS.resolve("results.json"));
        BaselineStore store = store(options);
        Optional<Path> newest = store.newest();
        if (newest.isEmpty() && ci) {
            // A CI runner's fresh checkout would save a baseline, pass, and throw the file away: every run a pass.
            err.println("benchmark-results: error: no benchmark baseline for " + store.directory().getFileName()
                    + " in " + store.directory().getParent() + ". On CI, gate with `make benchmark-ab BASE=<base"
                    + " branch>` (no stored baseline needed), or run `make benchmark-save` on a machine of this"
                    + " platform and commit the file.");
            return CompareCli.USAGE_ERROR;
        }
        if (newest.isEmpty()) {
            Path saved = saveBaseline(store, results, "baseline", options.has("--force"));
            out.println("WARNING: No benchmark baseline found for " + store.directory().getFileName()
                    + "; this run was saved as " + saved + ". The next `make benchmark-check` compares"
                    + " against it (commit it to share it).");
            return CompareCli.OK;
        }
        List<String> compare = new ArrayList<>(List.of("--base", newest.get().toString(),
                "--current", results.toString(), "--history-dir", store.directory().toString()));
        for (String repeatable : List.of("--fail", "--allow-missing")) {
            options.all(repeatable).forEach(value -> compare.addAll(List.of(repeatable, value)));
        }
        if (options.has("--normalize")) {
            compare.add("--normalize");
        }
        for (String output : List.of("--report", "--chart")) {
            options.single(output).ifPresent(file -> compare.addAll(List.of(output, file)));
        }
        out.println("Comparing with the newest baseline of " + store.directory().getFileName() + ": " + newest.get());
        return CompareCli.run(compare.toArray(String[]::new), out, err);
    }

    /**
     * A baseline is the reference every later run is judged against, so it must be code someone can check
     * out: a run of a tree with uncommitted changes is refused unless {@code force} (FORCE=1).
     */
    private static Path saveBaseline(BaselineStore store, Path results, String name, boolean force) {
        if (!force && ResultFile.load(results).dirty()) {
            throw new UsageException(results + " was measured on a tree with uncommitted changes; commit them and"
                    + " run again, or save it anyway with FORCE=1");
        }
        return store.save(results, name);
    }

    private static BaselineStore store(CommandOptions options) {
        return new BaselineStore(options.path("--baselines", BASELINES).resolve(Platform.current()));
    }

    private static CommandOptions options(String[] args, String... allowed) {
        return CommandOptions.parse(args, FLAGS, Set.of("--fail", "--allow-missing", "--latency"), Set.of(allowed));
    }
}
