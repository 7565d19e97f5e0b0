package org.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.bench.compare.ResultFile;
import org.portcullis.bench.compare.UsageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsFileTest {
    private static final String LOGIN_NAME = "org.portcullis.latency.EndpointLatencyTest.login";
    private static final String HASH = JmhJson.avgt("org.portcullis.bench.PasswordBench.hash", "ms/op", 280, 290);
    private static final String LOGIN = JmhJson.avgt("org.portcullis.latency.EndpointLatencyTest.login", "ms/op",
            300, 310, 320);
    private static final Map<String, Object> MACHINE = Map.of("os", "Linux", "cores", 2);
    private static final CommitInfo COMMIT = new CommitInfo("abc123", "bench-pipeline", false, "2026-11-27T07:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void jmhResultsComeFirstThenTheLatencyTests() throws IOException {
        ArrayNode merged = ResultsFile.benchmarks(file("jmh.json", JmhJson.array(HASH)),
                List.of(file("latency.json", JmhJson.array(LOGIN))), warnings());

        assertThat(merged).extracting(entry -> entry.get("benchmark").asText()).containsExactly(
                "org.portcullis.bench.PasswordBench.hash", "org.portcullis.latency.EndpointLatencyTest.login");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingLatencyFileIsAWarningAndTheJmhResultsStillMerge() throws IOException {
        ArrayNode merged = ResultsFile.benchmarks(file("jmh.json", JmhJson.array(HASH)),
                List.of(dir.resolve("latency.json")), warnings());

        assertThat(merged).hasSize(1);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).startsWith("WARNING: ").contains("latency.json");
    }

    @Test
    void aMissingJmhFileOrAFileThatIsNotAnArrayIsAUsageError() throws IOException {
        List<Path> latency = List.of(file("latency.json", JmhJson.array(LOGIN)));

        assertThatThrownBy(() -> ResultsFile.benchmarks(dir.resolve("jmh.json"), latency, warnings()))
                .isInstanceOf(UsageException.class).hasMessageContaining("jmh.json");
        assertThatThrownBy(() -> ResultsFile.benchmarks(file("object.json", HASH), latency, warnings()))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a JSON array");
    }

    @Test
    void theWrittenFileHasTheEnvelopeTheComparatorReads() throws IOException {
        ArrayNode benchmarks = ResultsFile.benchmarks(file("jmh.json", JmhJson.array(HASH)),
                List.of(file("latency.json", JmhJson.array(LOGIN))), warnings());
        Path target = dir.resolve("out/results.json");

        ResultFile written = ResultsFile.write(ResultsFile.envelope(MACHINE, COMMIT,
                Instant.parse("2026-11-27T08:15:30.123Z"), benchmarks), target);

        JsonNode root = new ObjectMapper().readTree(target.toFile());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("machine_info", "commit_info", "datetime", "benchmarks");
        assertThat(root.get("datetime").asText()).isEqualTo("2026-11-27T08:15:30Z");
        assertThat(root.get("commit_info").get("branch").asText()).isEqualTo("bench-pipeline");
        assertThat(root.get("commit_info").get("dirty").asBoolean()).isFalse();
        assertThat(written.commitId()).isEqualTo("abc123");
        assertThat(written.machine().values()).containsEntry("cores", "2");
        assertThat(written.benchmarks()).hasSize(2);
        assertThat(ResultFile.load(target).benchmarks()).hasSize(2);
    }

    @Test
    void unknownCommitFieldsAreWrittenAsNull() throws IOException {
        Path target = dir.resolve("results.json");
        ResultsFile.write(ResultsFile.envelope(MACHINE, new CommitInfo(null, null, null, null), Instant.EPOCH,
                new ObjectMapper().createArrayNode()), target);

        JsonNode commit = new ObjectMapper().readTree(target.toFile()).get("commit_info");
        assertThat(commit.get("id").isNull()).isTrue();
        assertThat(commit.get("dirty").isNull()).isTrue();
        assertThat(ResultFile.load(target).commitId()).isEmpty();
    }

    @Test
    void theSameBenchmarkInBothFilesIsRefusedBeforeAnythingIsWritten() throws IOException {
        ArrayNode benchmarks = ResultsFile.benchmarks(file("jmh.json", JmhJson.array(HASH)),
                List.of(file("latency.json", JmhJson.array(HASH))), warnings());
        Path target = dir.resolve("results.json");

        assertThatThrownBy(() -> ResultsFile.write(ResultsFile.envelope(MACHINE, COMMIT, Instant.EPOCH, benchmarks),
                target)).isInstanceOf(UsageException.class).hasMessageContaining("duplicate");
        assertThat(target).doesNotExist();
    }

    @Test
    void eachLatencyRunBecomesAForkOfItsEndpointWithTheRequestsInOrder() throws IOException {
        Path first = file("latency-1.json", JmhJson.array(JmhJson.avgt(LOGIN_NAME, "ms/op", 3, 1, 2)));
        Path second = file("latency-2.json", JmhJson.array(JmhJson.avgt(LOGIN_NAME, "ms/op", 6, 4, 5)));

        ArrayNode merged = ResultsFile.benchmarks(file("jmh.json", JmhJson.array(HASH)), List.of(first, second),
                warnings());

        JsonNode login = merged.get(1);
        assertThat(login.get("forks").asInt()).isEqualTo(2);
        assertThat(login.at("/primaryMetric/rawData").toString()).isEqualTo("[[3.0,1.0,2.0],[6.0,4.0,5.0]]");
        assertThat(login.at("/primaryMetric/score").asDouble()).isEqualTo(3.5);
        assertThat(login.at("/primaryMetric/scorePercentiles/50.0").asDouble()).isEqualTo(3.5);
        assertThat(login.at("/primaryMetric").has("scoreError")).as("left for the export to compute").isFalse();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private PrintStream warnings() {
        return new PrintStream(warnings, true, StandardCharsets.UTF_8);
    }
}
