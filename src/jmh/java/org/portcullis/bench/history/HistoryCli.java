package org.portcullis.bench.history;

import org.portcullis.bench.CommandOptions;
import org.portcullis.bench.Platform;
import org.portcullis.bench.ab.GateJson;
import org.portcullis.bench.compare.CompareCli;
import org.portcullis.bench.compare.UsageException;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code make benchmark-creep} and {@code make benchmark-history}: {@code append} adds a gate run against the
 * anchor to the history; {@code show} prints every benchmark's series as a table, draws it into
 * history.html and flags a benchmark whose series stepped slower ({@link StepDetector}).
 * Exit codes: 0 no slower step, 1 a slower step, 2 usage or input error.
 */
public final class HistoryCli {
    static final String USAGE = String.join("\n",
            "usage: HistoryCli append --result target/benchmarks/ab-result.json --anchor NAME [--history FILE]",
            "       HistoryCli show [--history FILE] [--out target/benchmarks]",
            "  --history  default baselines/<platform>/history.jsonl",
            "exit codes: 0 no slower step, 1 a benchmark's series stepped slower, 2 usage or input error");

    private HistoryCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CompareCli.utf8(FileDescriptor.out), CompareCli.utf8(FileDescriptor.err)));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--help")) {
                out.println(USAGE);
                return args.length == 0 ? CompareCli.USAGE_ERROR : CompareCli.OK;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "append" -> append(CommandOptions.parse(rest, Set.of(), Set.of(),
                        Set.of("--result", "--anchor", "--history")), out);
                case "show" -> show(CommandOptions.parse(rest, Set.of(), Set.of(), Set.of("--history", "--out")), out, err);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("benchmark-history: error: " + e.getMessage() + " (see --help)");
            return CompareCli.USAGE_ERROR;
        } catch (IOException e) {
            err.println("benchmark-history: error: " + e.getMessage());
            return CompareCli.USAGE_ERROR;
        }
    }

    private static int append(CommandOptions options, PrintStream out) throws IOException {
        GateJson.Run run = GateJson.read(options.path("--result", Path.of("target", "benchmarks", "ab-result.json")));
        String anchor = options.single("--anchor").orElseThrow(() -> new UsageException("--anchor is required"));
        if (run.only().isPresent()) {
            throw new UsageException("the gate run judged only " + run.only().get() + "; the history takes whole runs");
        }
        Path history = history(options);
        CreepHistory.append(history, CreepRun.of(run, anchor));
        out.println("appended the run of " + run.headLabel() + " against " + anchor + " to " + history);
        return CompareCli.OK;
    }

    private static int show(CommandOptions options, PrintStream out, PrintStream err) throws IOException {
        Path history = history(options);
        List<String> skipped = new ArrayList<>();
        List<CreepRun> runs = CreepHistory.read(history, skipped);
        skipped.forEach(line -> err.println("WARNING: skipped " + line));
        List<CreepRun> current = CreepSeries.currentAnchor(runs);
        List<CreepSeries> series = CreepSeries.of(runs);
        HistoryTable.print(series, current, runs.size(), out);
        Path html = options.path("--out", Path.of("target", "benchmarks")).resolve("history.html");
        Files.createDirectories(html.toAbsolutePath().getParent());
        Files.writeString(html, HistoryTable.html(series, current, history.toString()));
        out.println("chart: " + html);
        return series.stream().anyMatch(CreepSeries::slower) ? CompareCli.REGRESSION : CompareCli.OK;
    }

    private static Path history(CommandOptions options) {
        return options.path("--history", Path.of("baselines", Platform.current(), "history.jsonl"));
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f×", value);
    }
}
