package org.portcullis.bench;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.portcullis.bench.compare.BenchmarkResult;
import org.portcullis.bench.compare.BenchmarkUnit;
import org.portcullis.bench.compare.MetricField;
import org.portcullis.bench.compare.Quantities;
import org.portcullis.bench.compare.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * The console summary of a run, shaped like pytest-benchmark's table: one row per benchmark with Min, Max,
 * Mean, StdDev, Median, p99, Ops/s and Rounds.
 *
 * <p>Each figure carries its own unit ("312.4 ms", "18.2 µs") instead of one unit per table, because the
 * rows span five orders of magnitude (bcrypt against a JWT signature). Rounds is the number of raw values:
 * measurement iterations for a JMH bench (each the average of many calls), requests for a latency test, so
 * Min and Max are over those rounds too. A figure the file does not hold is shown as "n/a".
 */
public final class ResultsTable {
    private static final String[] HEADERS = {"Name", "Min", "Max", "Mean", "StdDev", "Median", "p99", "Ops/s",
            "Rounds"};

    private ResultsTable() {
    }

    public static String format(List<BenchmarkResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        results.forEach(result -> rows.add(row(result)));
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int total = (widths.length - 1) * 2;
        for (int width : widths) {
            total += width;
        }
        String title = " benchmark: " + results.size() + (results.size() == 1 ? " test " : " tests ");
        int width = Math.max(total, title.length() + 4);
        int left = (width - title.length()) / 2;
        String rule = "-".repeat(width);
        StringBuilder out = new StringBuilder()
                .append("-".repeat(left)).append(title).append("-".repeat(width - left - title.length()))
                .append('\n');
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths)).append('\n');
            if (r == 0) {
                out.append(rule).append('\n');
            }
        }
        return out.append(rule).append('\n').toString();
    }

    private static String[] row(BenchmarkResult result) {
        BenchmarkUnit unit = result.unit();
        double[] raw = result.rawValues();
        long rounds = raw.length > 0 ? raw.length : result.samples().map(s -> s.getN()).orElse(0L);
        // Over the rounds, like every other column; the comparator's samples are forks, not rounds.
        double stdDev = raw.length > 1 ? new StandardDeviation().evaluate(raw)
                : rounds > 1 ? result.samples().map(s -> s.getStandardDeviation()).orElse(Double.NaN) : Double.NaN;
        double opsPerSecond = 1e9 / unit.nanosPerOperation(result.score());
        return new String[] {
            result.key().shortName(),
            figure(result, MetricField.MIN),
            figure(result, MetricField.MAX),
            Quantities.format(result.score(), unit),
            Quantities.format(stdDev, unit),
            figure(result, MetricField.MEDIAN),
            figure(result, MetricField.P99),
            Quantities.formatOpsPerSecond(opsPerSecond).replace(" ops/s", ""),
            String.valueOf(rounds),
        };
    }

    private static String figure(BenchmarkResult result, MetricField field) {
        try {
            return Quantities.format(result.field(field), result.unit());
        } catch (UsageException missing) {
            return "n/a";
        }
    }

    /** The name left-aligned, every figure right-aligned, two spaces between columns. */
    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String format = i == 0 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
            line.append(String.format(format, cells[i]));
        }
        return line.toString().stripTrailing();
    }
}
