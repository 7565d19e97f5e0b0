package org.portcullis.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portcullis.bench.compare.ResultFixtures.avgt;
import static org.portcullis.bench.compare.ResultFixtures.samples;
import static org.portcullis.bench.compare.ResultFixtures.thrpt;
import static org.portcullis.bench.compare.ResultFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage and input errors end with exit code 2 and one line on stderr, never a stack trace. */
class CompareCliErrorsTest {

    @TempDir
    Path dir;

    private Path base;
    private Path current;

    @BeforeEach
    void files() {
        base = write(dir, "base.json", avgt("PasswordBench.hash", "ms/op", samples(250, 0.01, 10, 1)));
        current = write(dir, "current.json", avgt("PasswordBench.hash", "ms/op", samples(250, 0.01, 10, 2)));
    }

    private static void assertUsageError(CliRun run, String reason) {
        assertThat(run.exit()).isEqualTo(CompareCli.USAGE_ERROR);
        assertThat(run.err()).startsWith("bench-compare: error: ").contains(reason)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "mean:", "mean:200", "avg:200%", "mean:fast%", "mean:5parsecs", "mean:-5%",
        "mean:200%%", ":5%", "mean:200%,"})
    void badExpressionExitsTwo(String expression) {
        assertUsageError(CliRun.compare(dir, base, current, "--fail", expression), "fail expression");
    }

    @Test
    void missingFileExitsTwo() {
        assertUsageError(CliRun.compare(dir, dir.resolve("nope.json"), current), "result file not found");
    }

    @Test
    void badJsonExitsTwo() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"benchmarks\": [ {\"benchmark\": ");

        assertUsageError(CliRun.compare(dir, base, broken), "invalid JSON in");
    }

    @Test
    void wrongShapeExitsTwo() throws IOException {
        Path noList = Files.writeString(dir.resolve("nolist.json"), "{\"machine_info\": {}}");
        Path badUnit = Files.writeString(dir.resolve("badunit.json"), "{\"benchmarks\": [{\"benchmark\": \"a.B.c\","
                + " \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"furlongs\"}}]}");

        assertUsageError(CliRun.compare(dir, base, noList), "has no 'benchmarks' list");
        assertUsageError(CliRun.compare(dir, base, badUnit), "unknown score unit 'furlongs'");
    }

    @Test
    void badCommandLinesExitTwo() {
        assertUsageError(CliRun.of("--base", base.toString()), "--base and --current are required");
        assertUsageError(CliRun.of("--base", base.toString(), "--current", current.toString(), "--frobnicate", "x"),
                "unknown option '--frobnicate'");
        assertUsageError(CliRun.of("--base", base.toString(), "--current"), "--current needs a value");
        assertUsageError(CliRun.of("stray"), "unexpected argument 'stray'");
    }

    @Test
    void timeThresholdOnThroughputBenchmarkExitsTwo() {
        Path ops = write(dir, "ops.json", thrpt("TokenBench.sign", "ops/s", samples(3000, 0.01, 10, 3)));

        assertUsageError(CliRun.compare(dir, ops, ops, "--fail", "mean:5ms"), "cannot apply to TokenBench.sign");
    }

    @Test
    void normalizeWithoutRulerExitsTwo() {
        assertUsageError(CliRun.compare(dir, base, current, "--normalize"), "no ruler benchmark");
    }

    @Test
    void missingHistoryDirectoryExitsTwo() {
        assertUsageError(CliRun.compare(dir, base, current, "--history-dir", dir.resolve("none").toString()),
                "history directory not found");
    }
}
