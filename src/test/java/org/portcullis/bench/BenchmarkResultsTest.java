package org.portcullis.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The save and check flows of bench.mk, on files in a temporary directory. */
class BenchmarkResultsTest {
    private static final String NAME = "org.portcullis.bench.TokenBench.verifyAccessToken";

    @TempDir
    Path dir;

    @Test
    void mergeWritesResultsAndPrintsTheTable() throws IOException {
        Path jmh = Files.writeString(dir.resolve("jmh.json"), JmhJson.array(JmhJson.avgt(NAME, "us/op", 10, 11, 12)));
        Path out = dir.resolve("results.json");

        Run run = run("merge", "--jmh", jmh.toString(), "--latency", dir.resolve("none.json").toString(),
                "--out", out.toString(), "--jmh-out", dir.resolve("jmh-results.json").toString());

        assertThat(run.exit).isZero();
        assertThat(out).exists();
        assertThat(dir.resolve("jmh-results.json")).exists();
        assertThat(run.out).contains("TokenBench.verifyAccessToken", "Rounds");
        assertThat(run.err).contains("WARNING", "none.json");
    }

    @Test
    void checkWithoutABaselineSavesTheRunAsTheFirstAndWarns() throws IOException {
        Path results = results("current.json", 10, 11, 12);

        Run run = check(results);

        Path saved = dir.resolve("baselines").resolve(Platform.current()).resolve("0001_baseline.json");
        assertThat(run.exit).isZero();
        assertThat(run.out).startsWith("WARNING: No benchmark baseline found").contains(saved.toString());
        assertThat(saved).hasSameTextualContentAs(results);
    }

    @Test
    void onCiCheckWithoutABaselineExitsTwoSavesNothingAndSaysWhatToDo() throws IOException {
        Path results = results("current.json", 10, 11, 12);

        Run run = run(Map.of("CI", "true"), "check", "--results", results.toString(),
                "--baselines", dir.resolve("baselines").toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("no benchmark baseline for " + Platform.current())
                .contains("make benchmark-ab BASE=").contains("make benchmark-save");
        assertThat(dir.resolve("baselines").resolve(Platform.current())).doesNotExist();
    }

    @Test
    void aBenchmarkOfTheBaselineMissingFromTheRunFailsTheCheckUnlessAllowed() throws IOException {
        Path baselines = dir.resolve("baselines").resolve(Platform.current());
        Files.createDirectories(baselines);
        String two = "{\"machine_info\": {}, \"commit_info\": {}, \"datetime\": \"2026-11-27T00:00:00Z\","
                + " \"benchmarks\": " + JmhJson.array(JmhJson.avgt(NAME, "us/op", 10, 11, 12),
                JmhJson.avgt("org.portcullis.latency.EndpointLatencyTest.usersMe", "ms/op", 1, 1.1, 1.2)) + "}";
        Files.writeString(baselines.resolve("0001_baseline.json"), two);

        Run run = check(results("current.json", 10, 11, 12));
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("missing from the current run: EndpointLatencyTest.usersMe");

        Run allowed = check(results("current.json", 10, 11, 12), "--allow-missing", "EndpointLatencyTest.usersMe");
        assertThat(allowed.exit).isZero();
        assertThat(allowed.out).contains("allowed: EndpointLatencyTest.usersMe");
    }

    @Test
    void aRunOfADirtyTreeIsSavedOnlyWhenForced() throws IOException {
        Path dirty = Files.writeString(dir.resolve("dirty.json"), Files.readString(results("r.json", 10, 11, 12))
                .replace("\"commit_info\": {}", "\"commit_info\": {\"id\": \"abc\", \"dirty\": true}"));
        String baselines = dir.resolve("baselines").toString();

        Run refused = run("save", "--results", dirty.toString(), "--baselines", baselines);
        assertThat(refused.exit).isEqualTo(2);
        assertThat(refused.err).contains("uncommitted changes").contains("FORCE=1");
        assertThat(dir.resolve("baselines")).doesNotExist();

        assertThat(run("save", "--results", dirty.toString(), "--baselines", baselines, "--force").exit).isZero();
        assertThat(dir.resolve("baselines").resolve(Platform.current()).resolve("0001_baseline.json")).exists();
    }

    @Test
    void checkComparesWithTheNewestBaselineAndPassesWhenNothingRegressed() throws IOException {
        Path baselines = dir.resolve("baselines").resolve(Platform.current());
        Files.createDirectories(baselines);
        Files.copy(results("old.json", 50, 51, 52), baselines.resolve("0001_baseline.json"));
        Files.copy(results("new.json", 10, 11, 12), baselines.resolve("0002_baseline.json"));

        Run run = check(results("current.json", 10.5, 11, 11.5));

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("0002_baseline.json").doesNotContain("0001_baseline.json (baseline)");
        assertThat(baselines).isDirectoryContaining("glob:**/0002_baseline.json")
                .isDirectoryNotContaining("glob:**/0003_*");
    }

    @Test
    void checkFailsWithOneWhenTheCurrentRunIsFourTimesSlower() throws IOException {
        run("save", "--results", results("base.json", 10, 11, 12).toString(), "--baselines",
                dir.resolve("baselines").toString());

        Run run = check(results("current.json", 40, 44, 48), "--fail", "mean:200%");

        assertThat(run.exit).isEqualTo(1);
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(run("publish").exit).isEqualTo(2);
        assertThat(run("save", "--frobnicate").exit).isEqualTo(2);
        assertThat(run("save", "--name").err).contains("--name needs a value");
    }

    private Path results(String file, double... raw) throws IOException {
        String json = "{\"machine_info\": {}, \"commit_info\": {}, \"datetime\": \"2026-11-27T00:00:00Z\","
                + " \"benchmarks\": " + JmhJson.array(JmhJson.avgt(NAME, "us/op", raw)) + "}";
        return Files.writeString(dir.resolve(file), json);
    }

    private Run check(Path results, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--results", results.toString(),
                "--baselines", dir.resolve("baselines").toString(),
                "--report", dir.resolve("report.md").toString(), "--chart", dir.resolve("trend.png").toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchmarkResults.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }
}
