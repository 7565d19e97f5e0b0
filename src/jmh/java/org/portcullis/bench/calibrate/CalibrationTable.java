package org.portcullis.bench.calibrate;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The calibration's rows judged against config.yml's login budget, and the cost to recommend: the highest
 * whose logins fit the whole budget, mean and p99, with no error. The mean counts as well as the p99 because
 * the latency-login health check turns "over" on either: a cost whose p99 fits but whose mean does not would
 * keep that check unhealthy on a busy node.
 */
final class CalibrationTable {
    private final Duration budgetMean;
    private final Duration budgetP99;

    CalibrationTable(Duration budgetMean, Duration budgetP99) {
        this.budgetMean = budgetMean;
        this.budgetP99 = budgetP99;
    }

    /**
     * One cost's figures.
     *
     * @param secondsPerHash  the service's own mean time per hash (its capacity gauge's divisor)
     * @param capacityGauge   {@code portcullis.capacity.logins-per-second} at the end of the run
     * @param servedPerSecond logins answered 200 per second of the measured phase, by the client
     */
    record Row(int cost, int logins, int errors, double secondsPerHash, double loginMeanSeconds,
               double loginP99Seconds, double servedPerSecond, double capacityGauge) {
    }

    boolean fits(Row row) {
        return row.errors() == 0 && row.logins() > 0
                && row.loginMeanSeconds() <= seconds(budgetMean) && row.loginP99Seconds() <= seconds(budgetP99);
    }

    Optional<Row> recommendation(List<Row> rows) {
        return rows.stream().filter(this::fits).max(Comparator.comparingInt(Row::cost));
    }

    String render(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%4s  %6s  %6s  %9s  %10s  %9s  %9s  %9s  %s%n", "cost", "logins", "errors", "hash mean",
                "login mean", "login p99", "served/s", "gauge/s", "fits (mean <= " + format(budgetMean)
                        + ", p99 <= " + format(budgetP99) + ")"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%4d  %6d  %6d  %9s  %10s  %9s  %9.1f  %9.1f  %s%n", row.cost(),
                    row.logins(), row.errors(), millis(row.secondsPerHash()), millis(row.loginMeanSeconds()),
                    millis(row.loginP99Seconds()), row.servedPerSecond(), row.capacityGauge(), verdict(row)));
        }
        return out.toString();
    }

    private String verdict(Row row) {
        if (fits(row)) {
            return "yes";
        }
        if (row.errors() > 0 || row.logins() == 0) {
            return "no: " + row.errors() + " errors";
        }
        boolean meanOver = row.loginMeanSeconds() > seconds(budgetMean);
        boolean p99Over = row.loginP99Seconds() > seconds(budgetP99);
        return "no: " + (meanOver && p99Over ? "mean and p99" : meanOver ? "mean" : "p99") + " over";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    private static String format(Duration duration) {
        return millis(seconds(duration));
    }
}
