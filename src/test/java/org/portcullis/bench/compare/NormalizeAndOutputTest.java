package org.portcullis.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portcullis.bench.compare.ResultFixtures.avgt;
import static org.portcullis.bench.compare.ResultFixtures.machine;
import static org.portcullis.bench.compare.ResultFixtures.samples;
import static org.portcullis.bench.compare.ResultFixtures.thrpt;
import static org.portcullis.bench.compare.ResultFixtures.times;
import static org.portcullis.bench.compare.ResultFixtures.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.junit.jupiter.api.io.TempDir;

/** Ruler normalisation, the Markdown report and the trend chart. */
class NormalizeAndOutputTest {

    private static final double[] RULER_US = samples(40, 0.01, 10, 11);
    private static final double[] HASH_MS = samples(250, 0.01, 10, 12);
    private static final double[] SIGN_OPS = samples(5000, 0.01, 10, 13);

    @TempDir
    Path dir;

    /** A run on a machine {@code slowdown} times slower than the baseline machine. */
    private Path run(String name, double slowdown) {
        return write(dir, name,
                avgt("RulerBench.sha256", "us/op", times(RULER_US, slowdown)),
                avgt("PasswordBench.hash", "ms/op", times(HASH_MS, slowdown)),
                thrpt("TokenBench.sign", "ops/s", times(SIGN_OPS, 1 / slowdown)));
    }

    @Test
    void normalizeScalesBaselineByRulerRatio() {
        Path base = run("base.json", 1);
        Path slowMachine = run("slow.json", 3);

        CliRun plain = CliRun.compare(dir, base, slowMachine, "--fail", "mean:50%");
        CliRun normalized = CliRun.compare(dir, base, slowMachine, "--fail", "mean:50%", "--normalize");

        assertThat(plain.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(normalized.exit()).isEqualTo(CompareCli.OK);
        assertThat(normalized.out()).contains("normalized by ruler RulerBench.sha256: ratio 3.000")
                .doesNotContain("REGRESSION");
    }

    @Test
    void normalizeIsRefusedWhenTheRulersCpuFeaturesDiffer() {
        Path base = run("base.json", 1);
        ObjectNode withoutSha = machine("Intel Xeon 8375C", 2).put("cpu_flags", "aes avx2");
        Path other = ResultFixtures.writeOn(dir, "other.json", withoutSha,
                avgt("RulerBench.sha256", "us/op", samples(40, 0.01, 5, 1)));

        CliRun run = CliRun.compare(dir, base, other, "--normalize");

        assertThat(run.exit()).isEqualTo(CompareCli.USAGE_ERROR);
        assertThat(run.err()).contains("--normalize refused").contains("'aes avx2 sha_ni'").contains("'aes avx2'");
    }

    @Test
    void normalizationStillCatchesARealRegression() {
        Path base = run("base.json", 1);
        Path current = write(dir, "current.json",
                avgt("RulerBench.sha256", "us/op", times(RULER_US, 2)),
                avgt("PasswordBench.hash", "ms/op", times(HASH_MS, 2 * 1.8)),
                thrpt("TokenBench.sign", "ops/s", times(SIGN_OPS, 0.5)));

        CliRun run = CliRun.compare(dir, base, current, "--fail", "mean:50%", "--ruler", "RulerBench.sha256");

        assertThat(run.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(run.out()).contains("ratio 2.000").containsPattern("PasswordBench\\.hash .*REGRESSION")
                .containsPattern("TokenBench\\.sign .* ok");
    }

    @Test
    void rulerMayBeAnyBenchmarkContainingRuler() {
        Path base = write(dir, "base.json", thrpt("CpuRuler.loop", "ops/ms", times(SIGN_OPS, 1)));
        Path current = write(dir, "current.json", thrpt("CpuRuler.loop", "ops/ms", times(SIGN_OPS, 0.25)));

        CliRun run = CliRun.compare(dir, base, current, "--normalize");

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).contains("ratio 4.000");
    }

    @Test
    void writesMarkdownReportAndChart() throws IOException {
        Path base = write(dir, "base.json",
                avgt("PasswordBench.hash", "ms/op", HASH_MS),
                avgt("LegacyBench.md5", "us/op", samples(3, 0.01, 5, 3)));
        Path current = write(dir, "current.json",
                avgt("PasswordBench.hash", "ms/op", times(HASH_MS, 3.5)),
                avgt("TokenBench.verify", "us/op", samples(18.2, 0.001, 5, 4)));

        CliRun run = CliRun.compare(dir, base, current);

        assertThat(run.exit()).isEqualTo(CompareCli.REGRESSION);
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).startsWith("## Benchmark comparison: \u274c regression")
                .contains("| Benchmark | Baseline | Current | Change | Verdict |")
                .contains("| PasswordBench.hash | ")
                .contains("ms |")
                .contains("\u274c REGRESSION")
                .contains("### New benchmarks (not compared)\n\n- TokenBench.verify")
                .contains("### Missing benchmarks (only in baseline)\n\n- LegacyBench.md5")
                .contains("**Overall: REGRESSION: 1 of 1 benchmark regressed; missing from the current run:"
                        + " LegacyBench.md5**");
        assertPng(dir.resolve("trend.png"));
    }

    @Test
    void chartCoversEveryHistoryFilePlusCurrent() throws IOException {
        Path history = dir.resolve("baselines/linux-amd64");
        for (int day = 1; day <= 5; day++) {
            write(history, "2026-11-0" + day + ".json",
                    avgt("PasswordBench.hash", "ms/op", times(HASH_MS, 1 + day / 100.0)),
                    thrpt("TokenBench.sign", "ops/s", SIGN_OPS),
                    avgt("TokenBench.verify", "us/op", samples(18.2, 0.01, 5, day)),
                    avgt("SessionBench.lookup", "ns/op", samples(800, 0.01, 5, day)));
        }
        Path base = history.resolve("2026-11-05.json");
        Path current = write(dir, "current.json",
                avgt("PasswordBench.hash", "ms/op", HASH_MS),
                thrpt("TokenBench.sign", "ops/s", SIGN_OPS),
                avgt("TokenBench.verify", "us/op", samples(18.2, 0.01, 5, 9)),
                avgt("SessionBench.lookup", "ns/op", samples(800, 0.01, 5, 9)));
        Path chart = dir.resolve("out/nested/trend.png");

        CliRun run = CliRun.of("--base", base.toString(), "--current", current.toString(),
                "--history-dir", history.toString(), "--chart", chart.toString(),
                "--report", dir.resolve("out/report.md").toString());

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        BufferedImage image = assertPng(chart);
        assertThat(image.getWidth()).isGreaterThan(image.getHeight());
        XYChart trend = TrendChart.chart(TrendChart.loadHistory(history), ResultFile.load(current));
        assertThat(trend.getStyler().isYAxisLogarithmic()).as("one shared log axis").isTrue();
        assertThat(trend.getSeriesMap()).hasSize(4)
                .allSatisfy((name, series) -> assertThat(series.getXData()).hasSize(6));
        // +1 % a day, then back to the start: drawn as the ratios they are, not stretched to the panel
        assertThat(trend.getSeriesMap().get("PasswordBench.hash").getYData())
                .containsExactly(1.0, 1.02 / 1.01, 1.03 / 1.01, 1.04 / 1.01, 1.05 / 1.01, 1 / 1.01);
    }

    @Test
    void chartIsWrittenEvenWithoutSharedBenchmarks() throws IOException {
        ObjectNode only = avgt("PasswordBench.hash", "ms/op", HASH_MS);
        Path base = write(dir, "base.json", only);
        Path empty = write(dir, "empty.json");

        CliRun run = CliRun.compare(dir, base, empty, "--allow-missing", "PasswordBench.hash");

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).contains("(no benchmark present in both runs)");
        assertPng(dir.resolve("trend.png"));
    }

    private static BufferedImage assertPng(Path file) throws IOException {
        assertThat(file).exists();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        return image;
    }
}
