package org.portcullis.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reading result files: envelope, JMH entries, optional statistics and error messages. */
class ResultFileTest {

    private static final String JMH_FILE = """
            {"machine_info": {"os": "Linux", "arch": "amd64", "cpu": "Xeon", "cores": 2,
                              "jvm_vendor": "Debian", "jvm_version": "17.0.15", "extra": "ignored"},
             "commit_info": {"id": "abc123", "branch": "main", "dirty": false, "time": "2026-11-27T06:00:00Z"},
             "datetime": "2026-11-27T07:00:00Z",
             "unknown_top_level": [1, 2],
             "benchmarks": [
               {"jmhVersion": "1.37", "benchmark": "org.portcullis.bench.PasswordBench.hash", "mode": "avgt",
                "threads": 1, "forks": 2, "params": {"cost": "12"},
                "primaryMetric": {"score": 251.3, "scoreError": 4.1, "scoreConfidence": [247.2, 255.4],
                  "scorePercentiles": {"0.0": 246.0, "50.0": 251.0, "90.0": 254.0, "99.0": 255.0, "100.0": 256.0},
                  "scoreUnit": "ms/op", "rawData": [[250.1, 252.3], [246.0, 256.0]]},
                "secondaryMetrics": {}},
               {"benchmark": "org.portcullis.bench.LoginLatency.p", "mode": "sample",
                "primaryMetric": {"score": 3.0, "scoreError": "NaN", "scoreUnit": "ms/op",
                  "rawData": [[1, 2, 3, 4, 5]]}},
               {"benchmark": "org.portcullis.bench.TokenBench.sample", "mode": "sample",
                "primaryMetric": {"score": 2.0, "scoreUnit": "us/op",
                  "rawDataHistogram": [[[[1.0, 2], [3.0, 2]]], [[[2.0, 4]]]]}}
             ]}
            """;

    @Test
    void readsEnvelopeAndEntries() {
        ResultFile file = ResultFile.parse(JMH_FILE, "run.json");

        assertThat(file.commitId()).isEqualTo("abc123");
        assertThat(file.datetime()).isEqualTo("2026-11-27T07:00:00Z");
        assertThat(file.machine().values()).containsEntry("cores", "2").doesNotContainKey("extra");
        assertThat(file.benchmarks()).hasSize(3);

        BenchmarkResult hash = file.benchmarks().get(0);
        assertThat(hash.key().shortName()).isEqualTo("PasswordBench.hash [cost=12]");
        assertThat(hash.unit()).isEqualTo(BenchmarkUnit.MS_PER_OP);
        assertThat(hash.score()).isEqualTo(251.3);
        assertThat(hash.reportedConfidence()).contains(new Interval(247.2, 255.4));
        assertThat(hash.rawValues()).containsExactly(250.1, 252.3, 246.0, 256.0);
        assertThat(hash.field(MetricField.MEDIAN)).isEqualTo(251.0);
        assertThat(hash.field(MetricField.P99)).isEqualTo(255.0);
        assertThat(hash.field(MetricField.MAX)).isEqualTo(256.0);
    }

    @Test
    void fieldsFallBackToRawDataAndNanErrorIsAbsent() {
        BenchmarkResult latency = ResultFile.parse(JMH_FILE, "run.json").benchmarks().get(1);

        assertThat(latency.scoreError()).isEmpty();
        assertThat(latency.field(MetricField.MIN)).isEqualTo(1);
        assertThat(latency.field(MetricField.MAX)).isEqualTo(5);
        assertThat(latency.field(MetricField.MEDIAN)).isEqualTo(3);
        assertThat(latency.field(MetricField.P99)).isEqualTo(5);
        assertThat(latency.samples().orElseThrow().getN()).as("one fork: one independent sample").isEqualTo(1);
    }

    @Test
    void histogramSamplesAreSummarisedWithWeights() {
        BenchmarkResult sampled = ResultFile.parse(JMH_FILE, "run.json").benchmarks().get(2);

        assertThat(sampled.samples().orElseThrow().getN()).isEqualTo(8);
        assertThat(sampled.samples().orElseThrow().getMean()).isEqualTo(2.0);
        assertThat(sampled.samples().orElseThrow().getVariance()).isCloseTo(4.0 / 7, within(1e-12));
        assertThatThrownBy(() -> sampled.field(MetricField.P99)).isInstanceOf(UsageException.class)
                .hasMessageContaining("neither percentile 99.0 nor raw data");
    }

    @Test
    void convertingAndScalingKeepsEveryFigureConsistent() {
        BenchmarkResult hash = ResultFile.parse(JMH_FILE, "run.json").benchmarks().get(0);

        BenchmarkResult micros = hash.convertedTo(BenchmarkUnit.US_PER_OP);
        BenchmarkResult doubled = hash.scaled(2);

        assertThat(micros.score()).isCloseTo(251_300, within(1e-6));
        assertThat(micros.field(MetricField.P99)).isCloseTo(255_000, within(1e-6));
        assertThat(doubled.reportedConfidence()).contains(new Interval(494.4, 510.8));
        assertThat(doubled.samples().orElseThrow().getVariance())
                .isCloseTo(4 * hash.samples().orElseThrow().getVariance(), within(1e-9));
    }

    @Test
    void reportsWhatIsWrong() {
        assertThatThrownBy(() -> ResultFile.parse("[1]", "a.json")).hasMessage("a.json is not a JSON object");
        assertThatThrownBy(() -> ResultFile.parse("{\"benchmarks\": [{\"mode\": \"avgt\"}]}", "b.json"))
                .hasMessage("b.json: benchmarks[0] has no 'benchmark' string");
        assertThatThrownBy(() -> ResultFile.parse(
                "{\"benchmarks\": [{\"benchmark\": \"x.Y.z\", \"primaryMetric\": {\"scoreUnit\": \"ms/op\"}}]}",
                "c.json")).hasMessage("c.json: benchmark x.Y.z has no numeric score");
        String twice = "{\"benchmark\": \"x.Y.z\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1,"
                + " \"scoreUnit\": \"ms/op\"}}";
        assertThatThrownBy(() -> ResultFile.parse("{\"benchmarks\": [" + twice + "," + twice + "]}", "d.json"))
                .hasMessageContaining("duplicate benchmark Y.z");
    }

    @Test
    void machineMismatchNamesTheDifferingKeys() {
        MachineInfo base = ResultFile.parse(JMH_FILE, "run.json").machine();
        MachineInfo other = ResultFile.parse(JMH_FILE.replace("\"Xeon\"", "\"EPYC\"").replace("17.0.15", "21.0.5"),
                "other.json").machine();

        assertThat(base.differingKeys(other)).containsExactly("cpu", "jvm_version");
        assertThat(base.mismatchWarning(base)).isEmpty();
        assertThat(base.mismatchWarning(other)).startsWith("WARNING: machine_info differs: cpu (baseline 'Xeon'");
    }
}
