package org.portcullis.bench;

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
 *   <li>{@code merge}: jmh.json + latency.json → results.json with machine and commit info, and the table;</li>
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
            "usage: BenchmarkResults merge [--jmh target/benchmarks/jmh.json] [--latency target/benchmarks/latency.json]",
            "                              [--out target/benchmarks/results.json]",
            "       BenchmarkResults save  [--results target/benchmarks/results.json] [--baselines baselines] [--name baseline]",
            "       BenchmarkResults check [--results target/benchmarks/results.json] [--baselines baselines]",
            "                              [--fail mean:200%]... [--normalize] [--report F] [--chart F]",
            "exit codes: 0 no regression, 1 regression (check), 2 usage or input error");

    private static final Set<String> FLAGS = Set.of("--normalize");

    private BenchmarkResults() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    /** Runs one command and returns its exit code; never throws for bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--help")) {
                out.println(USAGE);
                return args.length == 0 ? CompareCli.USAGE_ERROR : CompareCli.OK;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "merge" -> merge(options(rest, "--jmh", "--latency", "--out"), out, err);
                case "save" -> save(options(rest, "--results", "--baselines", "--name"), out);
                case "check" -> check(options(rest, "--results", "--baselines", "--fail", "--normalize", "--report",
                        "--chart"), out, err);
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

    private static int merge(Map<String, List<String>> options, PrintStream out, PrintStream err) throws IOException {
        Path jmh = path(options, "--jmh", BENCHMARKS.resolve("jmh.json"));
        Path latency = path(options, "--latency", BENCHMARKS.resolve("latency.json"));
        Path target = path(options, "--out", BENCHMARKS.resolve("results.json"));
        ResultFile written = ResultsFile.write(ResultsFile.envelope(MachineProbe.current(),
                CommitInfo.of(Path.of("")), Instant.now(), ResultsFile.benchmarks(jmh, latency, err)), target);
        out.print(ResultsTable.format(written.benchmarks()));
        out.println("results: " + target);
        return CompareCli.OK;
    }

    private static int save(Map<String, List<String>> options, PrintStream out) {
        Path results = path(options, "--results", BENCHMARKS.resolve("results.json"));
        Path saved = store(options).save(results, single(options, "--name").orElse("baseline"));
        out.println("Saved benchmark baseline: " + saved);
        return CompareCli.OK;
    }

    private static int check(Map<String, List<String>> options, PrintStream out, PrintStream err) {
        Path results = path(options, "--results", BENCHMARKS.resolve("results.json"));
        BaselineStore store = store(options);
        Optional<Path> newest = store.newest();
        if (newest.isEmpty()) {
            Path saved = store.save(results, "baseline");
            out.println("WARNING: No benchmark baseline found for " + store.directory().getFileName()
                    + "; this run was saved as " + saved + ". The next `make benchmark-check` compares"
                    + " against it (commit it to share it).");
            return CompareCli.OK;
        }
        List<String> compare = new ArrayList<>(List.of("--base", newest.get().toString(),
                "--current", results.toString(), "--history-dir", store.directory().toString()));
        options.getOrDefault("--fail", List.of()).forEach(fail -> compare.addAll(List.of("--fail", fail)));
        if (options.containsKey("--normalize")) {
            compare.add("--normalize");
        }
        for (String output : List.of("--report", "--chart")) {
            single(options, output).ifPresent(file -> compare.addAll(List.of(output, file)));
        }
        out.println("Comparing with the newest baseline of " + store.directory().getFileName() + ": " + newest.get());
        return CompareCli.run(compare.toArray(String[]::new), out, err);
    }

    private static BaselineStore store(Map<String, List<String>> options) {
        return new BaselineStore(path(options, "--baselines", BASELINES).resolve(Platform.current()));
    }

    /** {@code --name value} or {@code --name=value}; only {@code --fail} may repeat; flags take no value. */
    private static Map<String, List<String>> options(String[] args, String... allowed) {
        Set<String> known = Set.of(allowed);
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            String name = equals < 0 ? args[i] : args[i].substring(0, equals);
            if (!known.contains(name)) {
                throw new UsageException("unknown option '" + args[i] + "'");
            }
            String value;
            if (FLAGS.contains(name)) {
                value = "";
            } else if (equals >= 0) {
                value = args[i].substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (!FLAGS.contains(name) && value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            List<String> values = options.computeIfAbsent(name, key -> new ArrayList<>());
            if (!values.isEmpty() && !name.equals("--fail")) {
                throw new UsageException(name + " given more than once");
            }
            values.add(value);
        }
        return options;
    }

    private static Optional<String> single(Map<String, List<String>> options, String name) {
        return Optional.ofNullable(options.get(name)).map(values -> values.get(0));
    }

    private static Path path(Map<String, List<String>> options, String name, Path fallback) {
        return single(options, name).map(Path::of).orElse(fallback);
    }
}
