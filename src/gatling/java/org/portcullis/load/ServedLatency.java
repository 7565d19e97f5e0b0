package org.portcullis.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Response times of the requests the service served (200), apart from those it shed (503). Gatling's
 * response-time assertions take every response of a request name, OK and KO alike, and a request's name is
 * fixed before its answer arrives; under overload half the answers are fast 503s, which would pull the p99
 * of "users/me" far below what a served client waited. So the simulation records each served response's
 * time here (Gatling's own whole-millisecond figure) and judges the p99 itself after the run.
 *
 * <p>The verdict is printed in Gatling's format ({@code ... : true (actual : 12.0)}), which loadtest.sh lists
 * with the other goals, and written as properties ({@code loadtest.servedFile}) that loadtest.sh enforces.
 */
final class ServedLatency {
    /** Up to an hour in ms, 3 significant digits: far beyond any phase, so no response is out of range. */
    private final Histogram millis = new ConcurrentHistogram(3_600_000L, 3);
    private final Path report;

    ServedLatency(Path report) {
        this.report = report;
    }

    static ServedLatency fromSystemProperties() {
        String file = System.getProperty("loadtest.servedFile");
        return new ServedLatency(file == null || file.isBlank() ? null : Path.of(file));
    }

    void record(long responseMillis) {
        millis.recordValue(Math.max(0, responseMillis));
    }

    /** Prints and writes whether the served responses' p99 is at most {@code limitMillis}. */
    void judge(String name, double limitMillis) {
        long p99 = millis.getTotalCount() == 0 ? 0 : millis.getValueAtPercentile(99);
        boolean met = millis.getTotalCount() > 0 && p99 <= limitMillis;
        System.out.printf(Locale.ROOT, "%s: 99th percentile of response time is less than or equal to %.1f : %s"
                + " (actual : %d.0)%n", name, limitMillis, met, p99);
        if (report == null) {
            return;
        }
        String properties = String.format(Locale.ROOT, "served=%d%np99_ms=%d%np50_ms=%d%nmax_ms=%d%nlimit_ms=%.0f%nmet=%s%n",
                millis.getTotalCount(), p99, millis.getValueAtPercentile(50), millis.getMaxValue(), limitMillis, met);
        try {
            Files.writeString(report, properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + report, e);
        }
    }
}
