package org.portcullis.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed command line of {@link CompareCli}.
 *
 * <p>Hand-rolled instead of a CLI library so the comparator adds no dependency to the service
 * build; both {@code --opt value} and {@code --opt=value} are accepted, {@code --fail} may repeat.
 *
 * @param base baseline result file
 * @param current current result file
 * @param failExpressions raw {@code --fail} arguments (each may hold comma-separated expressions)
 * @param normalize whether to rescale the baseline by the ruler benchmark
 * @param ruler ruler name (suffix match) or null for the default; implies {@code normalize}
 * @param report Markdown report path
 * @param chart PNG trend chart path
 * @param historyDir directory of earlier result files for the trend chart, or null
 * @param allowMissing benchmarks (Class.method or full name) whose absence from the current run is intended
 * @param help whether usage was requested
 */
public record CliOptions(Path base, Path current, List<String> failExpressions, boolean normalize, String ruler,
        Path report, Path chart, Path historyDir, List<String> allowMissing, boolean help) {

    public static final Path DEFAULT_REPORT = Path.of("target", "benchmarks", "report.md");
    public static final Path DEFAULT_CHART = Path.of("target", "benchmarks", "trend.png");

    public static final String USAGE = String.join("\n",
            "usage: CompareCli --base <file> --current <file> [--fail mean:200%]... [--normalize] [--ruler NAME]",
            "                  [--report target/benchmarks/report.md] [--chart target/benchmarks/trend.png]",
            "                  [--history-dir baselines/<platform>] [--allow-missing NAME]...",
            "  --fail        field:threshold, field in min|max|mean|median|p99, threshold N% or an amount such as",
            "                5ms, 250us, 1s, 800ns, 100ops/s; repeatable or comma-separated (default mean:200%)",
            "  --normalize   scale the baseline by the ruler benchmark's current/baseline ratio",
            "  --ruler       ruler benchmark name or name suffix (default *RulerBench.sha256, then *Ruler*);"
                    + " implies --normalize",
            "  --allow-missing a benchmark (Class.method or full name) removed on purpose; any other benchmark of",
            "                the baseline missing from the current run fails the comparison",
            "exit codes: 0 no regression, 1 regression or missing benchmark, 2 usage or input error");

    public CliOptions {
        failExpressions = List.copyOf(failExpressions);
        allowMissing = List.copyOf(allowMissing);
    }

    /** Parses {@code args}; unknown options, missing values and a missing --base or --current are usage errors. */
    public static CliOptions parse(String[] args) {
        Path base = null;
        Path current = null;
        List<String> fails = new ArrayList<>();
        List<String> allowMissing = new ArrayList<>();
        boolean normalize = false;
        boolean help = false;
        String ruler = null;
        Path report = DEFAULT_REPORT;
        Path chart = DEFAULT_CHART;
        Path historyDir = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (name.equals("--help") || name.equals("--normalize")) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                help |= name.equals("--help");
                normalize |= name.equals("--normalize");
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            if (!name.equals("--fail") && !name.equals("--allow-missing") && !seen.add(name)) {
                throw new UsageException(name + " given more than once");
            }
            switch (name) {
                case "--base" -> base = Path.of(value);
                case "--current" -> current = Path.of(value);
                case "--fail" -> fails.add(value);
                case "--ruler" -> ruler = value;
                case "--report" -> report = Path.of(value);
                case "--chart" -> chart = Path.of(value);
                case "--history-dir" -> historyDir = Path.of(value);
                case "--allow-missing" -> allowMissing.add(value);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        if (!help && (base == null || current == null)) {
            throw new UsageException("--base and --current are required");
        }
        return new CliOptions(base, current, fails, normalize || ruler != null, ruler, report, chart, historyDir, allowMissing,
                help);
    }
}
