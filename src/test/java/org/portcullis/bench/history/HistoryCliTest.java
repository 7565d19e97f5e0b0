package org.portcullis.bench.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

class HistoryCliTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void aSeriesThatCreptSlowerExitsOneNamesTheBenchmarkAndDrawsTheChart() throws IOException {
        Path history = history(StepDetectorTest.noisy(StepDetectorTest.creep(10, 10, 10), 0.04, 1),
                StepDetectorTest.noisy(StepDetectorTest.creep(30, 0, 0), 0.005, 2));

        int exit = show(history);

        assertThat(exit).isEqualTo(1);
        String console = stdout.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("Creep against v1.0.0 (aaaaaaa): 30 runs")
                .contains("SLOWER STEP: EndpointLatencyTest.usersMe").contains("make benchmark-bisect GOOD=")
                .contains("FAIL: 1 benchmark stepped slower");
        assertThat(console.lines().filter(line -> line.startsWith("PasswordBench.hash"))).singleElement()
                .asString().endsWith("none");
        String html = Files.readString(directory.resolve("out/history.html"));
        assertThat(html).contains("<svg").contains("<polyline").contains("EndpointLatencyTest.usersMe")
                .contains("class=\"fail\"").doesNotContain("<script").doesNotContain("<link");
    }

    @Test
    void aFlatHistoryExitsZero() throws IOException {
        Path history = history(StepDetectorTest.noisy(StepDetectorTest.creep(30, 0, 0), 0.04, 3),
                StepDetectorTest.noisy(StepDetectorTest.creep(30, 0, 0), 0.005, 4));

        assertThat(show(history)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("OK: no benchmark stepped slower (2 series)");
    }

    @Test
    void appendAddsAWholeGateRunAndRefusesARunOfOneBenchmark() throws IOException {
        Path result = directory.resolve("ab-result.json");
        Path history = directory.resolve("history.jsonl");
        Files.writeString(result, gateResult("null"));

        assertThat(run("append", "--result", result.toString(), "--anchor", "v1.0.0", "--history", history.toString())).isZero();
        List<CreepRun> runs = CreepHistory.read(history, new java.util.ArrayList<>());
        assertThat(runs).singleElement().satisfies(appended -> {
            assertThat(appended.anchor()).isEqualTo("v1.0.0");
            assertThat(appended.anchorCommit()).isEqualTo("1111111111");
            assertThat(appended.headCommit()).isEqualTo("2222222222");
            assertThat(appended.benchmarks().get("PasswordBench.hash").verdict()).isEqualTo("slower");
        });

        Files.writeString(result, gateResult("\"PasswordBench.hash\""));
        assertThat(run("append", "--result", result.toString(), "--anchor", "v1.0.0", "--history", history.toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("judged only PasswordBench.hash");
    }

    @Test
    void aMissingHistoryOrAnUnknownCommandIsAUsageError() {
        assertThat(run("show", "--history", directory.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(run("draw")).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("no creep history at").contains("unknown command 'draw'");
    }

    private int show(Path history) {
        return run("show", "--history", history.toString(), "--out", directory.resolve("out").toString());
    }

    private int run(String... args) {
        return HistoryCli.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** One run a night against anchor v1.0.0: usersMe and hash as given. */
    private Path history(List<Double> usersMe, List<Double> hash) throws IOException {
        Path file = directory.resolve("history.jsonl");
        for (int night = 0; night < usersMe.size(); night++) {
            CreepHistory.append(file, new CreepRun(Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * night),
                    "v1.0.0", "aaaaaaaaaa", String.format("%07x", night + 0xabc0000), 300,
                    Map.of("EndpointLatencyTest.usersMe", new CreepRun.Point(usersMe.get(night), 0.9, 1.5, 3, "same"),
                            "PasswordBench.hash", new CreepRun.Point(hash.get(night), 0.99, 1.01, 3, "same"))));
        }
        return file;
    }

    private static String gateResult(String only) {
        return "{\"base\": {\"label\": \"v1.0.0 at 1111111\", \"commit\": \"1111111111\"},"
                + " \"head\": {\"label\": \"main at 2222222\", \"commit\": \"2222222222\", \"dirty\": false},"
                + " \"date\": \"2026-12-07T02:00:00Z\", \"seed\": 5, \"seconds\": 400, \"only\": " + only + ", \"fails\": true,"
                + " \"benchmarks\": [{\"name\": \"PasswordBench.hash\", \"verdict\": \"slower\", \"ratio\": 2.0,"
                + " \"low\": 1.9, \"high\": 2.1, \"pairs\": 5, \"threshold\": 1.15}], \"missing\": [], \"errors\": []}";
    }
}
