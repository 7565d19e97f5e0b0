package org.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.bench.compare.UsageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * jmh-results.json read the way two consumers read it, reimplemented here from their documented behaviour:
 * github-action-benchmark's {@code jmh} tool (the file is one array; per entry the name, primaryMetric.score
 * as the value, scoreUnit, and "iterations/forks/threads" from the numeric fields) and Bencher's
 * {@code java_jmh} adapter (benchmark, a numeric score and scoreError, a time/op or ops/time unit, and a
 * secondaryMetrics object). A file either one would reject fails here.
 */
class JmhExportTest {
    private static final Pattern BENCHER_UNIT = Pattern.compile("(ns|us|ms|s)/op|ops/(ns|us|ms|s)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void mergedJmhAndLatencyResultsAreReadableByGithubActionBenchmarkAndBencher() throws IOException {
        Path jmh = Files.writeString(dir.resolve("jmh.json"),
                JmhJson.array(JmhJson.avgt("org.portcullis.bench.PasswordBench.hash", "ms/op", 250, 252)));
        Path latency = Files.writeString(dir.resolve("latency.json"), """
                [{"benchmark": "org.portcullis.latency.EndpointLatencyTest.usersMe", "mode": "ss", "threads": 1,
                  "forks": 1, "warmupIterations": 300, "measurementIterations": 3,
                  "primaryMetric": {"score": 1.2, "scoreError": 0.9, "scoreConfidence": [0.3, 2.1],
                    "scorePercentiles": {"50.0": 1.1}, "scoreUnit": "ms/op", "rawData": [[1.3, 1.1, 1.2]]},
                  "secondaryMetrics": {}}]""");
        Path export = dir.resolve("jmh-results.json");

        int exit = BenchmarkResults.run(new String[] {"merge", "--jmh", jmh.toString(), "--latency", latency.toString(),
                "--out", dir.resolve("results.json").toString(), "--jmh-out", export.toString()}, Map.of(),
                sink(), sink());

        assertThat(exit).isZero();
        String text = Files.readString(export);
        assertThat(text).doesNotContain("NaN");
        JsonNode root = JSON.readTree(text);
        assertThat(root.isArray()).as("github-action-benchmark parses one JSON array").isTrue();
        assertThat(root).hasSize(2);
        for (JsonNode entry : root) {
            readAsGithubActionBenchmark(entry);
            readAsBencher(entry);
        }
        assertThat(root.get(0).at("/primaryMetric/scoreError").asDouble()).as("computed from the two raw values")
                .isGreaterThan(0);
        assertThat(root.get(1).get("mode").asText()).isEqualTo("ss");
        assertThat(root.get(1).at("/primaryMetric/rawData/0").toString()).isEqualTo("[1.3,1.1,1.2]");
    }

    @Test
    void aResultWithOneValueAndNoErrorIsRefusedByName() throws IOException {
        ArrayNode one = (ArrayNode) JSON.readTree(JmhJson.array(JmhJson.avgt("x.OneBench.once", "us/op", 5)));

        assertThatThrownBy(() -> JmhExport.of(one)).isInstanceOf(UsageException.class)
                .hasMessageContaining("x.OneBench.once").hasMessageContaining("no error estimate");
    }

    private static void readAsGithubActionBenchmark(JsonNode entry) {
        assertThat(entry.get("benchmark").isTextual()).isTrue();
        assertThat(entry.at("/primaryMetric/score").isNumber()).as("value").isTrue();
        assertThat(entry.at("/primaryMetric/scoreUnit").isTextual()).as("unit").isTrue();
        String extra = "iterations: " + entry.get("measurementIterations") + "\nforks: " + entry.get("forks")
                + "\nthreads: " + entry.get("threads");
        assertThat(extra).doesNotContain("null").matches("(?s)iterations: \\d+\nforks: \\d+\nthreads: \\d+");
    }

    private static void readAsBencher(JsonNode entry) {
        assertThat(entry.get("benchmark").isTextual()).isTrue();
        assertThat(entry.at("/primaryMetric/score").isNumber()).isTrue();
        assertThat(entry.at("/primaryMetric/scoreError").isNumber()).as("scoreError must be a float").isTrue();
        assertThat(entry.at("/primaryMetric/scoreUnit").asText()).matches(BENCHER_UNIT);
        assertThat(entry.get("secondaryMetrics").isObject()).isTrue();
    }

    private static PrintStream sink() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
