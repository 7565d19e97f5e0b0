package org.portcullis.bench;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.ResultFile;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTableTest {
    @Test
    void eachRowShowsTheFiguresWithTheirUnitsAndTheRoundCount() {
        String table = table(JmhJson.avgt("org.portcullis.bench.TokenBench.verifyAccessToken", "us/op", 10, 12, 14),
                JmhJson.avgt("org.portcullis.bench.PasswordBench.hash", "ms/op", 250, 300));

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).contains(" benchmark: 2 tests ").startsWith("---").endsWith("---");
        assertThat(lines.get(1).split("\\s+"))
                .containsExactly("Name", "Min", "Max", "Mean", "StdDev", "Median", "p99", "Ops/s", "Rounds");
        assertThat(lines.get(2)).matches("-+");
        // Min, Max, Mean, StdDev, Median; p99 comes from the raw values when JMH gave no 99.0 percentile.
        assertThat(lines.get(3)).startsWith("TokenBench.verifyAccessToken")
                .contains("10.0 µs", "14.0 µs", "12.0 µs", "2.00 µs", "83.3 k").endsWith("3");
        assertThat(lines.get(4)).startsWith("PasswordBench.hash")
                .contains("250.0 ms", "300.0 ms", "275.0 ms", "35.4 ms", "3.64").endsWith("2");
        assertThat(lines.get(5)).isEqualTo(lines.get(2));
    }

    @Test
    void columnsAreAlignedWhateverTheNameLengths() {
        String table = table(JmhJson.avgt("org.portcullis.bench.RulerBench.sha256", "us/op", 37, 38),
                JmhJson.avgt("org.portcullis.latency.EndpointLatencyTest.sessionsList", "ms/op", 3, 4, 5));

        List<String> rows = table.lines().skip(3).limit(2).toList();
        assertThat(rows.get(0)).hasSameSizeAs(rows.get(1));
        assertThat(rows.get(0).indexOf("37.0 µs") + "37.0 µs".length())
                .isEqualTo(rows.get(1).indexOf("3.00 ms") + "3.00 ms".length());
    }

    @Test
    void aSingleRoundHasNoStandardDeviation() {
        String row = table(JmhJson.avgt("org.portcullis.bench.RulerBench.sha256", "us/op", 37)).lines().toList().get(3);

        assertThat(row).contains("n/a").endsWith(" 1");
    }

    private static String table(String... entries) {
        String json = "{\"benchmarks\": " + JmhJson.array(entries) + "}";
        return ResultsTable.format(ResultFile.parse(json, "test").benchmarks());
    }
}
