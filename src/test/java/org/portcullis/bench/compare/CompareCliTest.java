package org.portcullis.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portcullis.bench.compare.ResultFixtures.avgt;
import static org.portcullis.bench.compare.ResultFixtures.samples;
import static org.portcullis.bench.compare.ResultFixtures.thrpt;
import static org.portcullis.bench.compare.ResultFixtures.times;
import static org.portcullis.bench.compare.ResultFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end verdicts and exit codes of {@link CompareCli#run}. */
class CompareCliTest {

    private static final double[] HASH_MS = samples(250, 0.01, 20, 1);

    @TempDir
    Path dir;

    private CliRun compareHash(double factor, double[] current, String... extra) {
        Path base = write(dir, "base.json", avgt("PasswordBench.hash", "ms/op", HASH_MS));
        Path now = write(dir, "current.json",
                avgt("PasswordBench.hash", "ms/op", current != null ? current : times(HASH_MS, factor)));
        return CliRun.compare(dir, base, now, extra);
    }

    @Test
    void threePointOneTimesSlowerFailsAtDefault200Percent() {
        CliRun run = compareHash(3.1, null, "--fail", "mean:200%");

        assertThat(run.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(run.out()).contains("PasswordBench.hash").contains("REGRESSION").contains("+210.0%")
                .contains("fail if mean: current/baseline \u2212 1 > 200%").contains("Welch p < 0.01");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void twoPointNineTimesSlowerPasses() {
        CliRun run = compareHash(2.9, null);

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).contains("ok").doesNotContain("REGRESSION");
    }

    @Test
    void significantSlowdownOverFiftyPercentFails() {
        CliRun run = compareHash(1.6, null, "--fail", "mean:50%");

        assertThat(run.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(run.out()).contains("REGRESSION (mean:50%; Welch p=");
    }

    @Test
    void noisyOverlappingSlowdownOverFiftyPercentIsWithinNoise() {
        double[] noisyBase = {40, 600, 90, 420, 150, 300};
        double[] noisyCurrent = times(noisyBase, 1.6);
        Path base = write(dir, "base.json", avgt("PasswordBench.hash", "ms/op", noisyBase));
        Path now = write(dir, "current.json", avgt("PasswordBench.hash", "ms/op", noisyCurrent));

        CliRun run = CliRun.compare(dir, base, now, "--fail", "mean:50%");

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).contains("within noise").doesNotContain("REGRESSION");
    }

    @Test
    void wildlyNoisyHigherMeanPassesAsWithinNoise() {
        CliRun run = compareHash(0, new double[] {5, 5, 5, 5, 6000, 4, 6});

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).contains("within noise");
    }

    @Test
    void throughputDroppingToUnderAThirdFailsAndRisingPasses() {
        double[] ops = samples(3100, 0.01, 15, 2);
        Path base = write(dir, "base.json", thrpt("TokenBench.sign", "ops/s", ops));
        Path slower = write(dir, "slower.json", thrpt("TokenBench.sign", "ops/s", times(ops, 1 / 3.1)));
        Path faster = write(dir, "faster.json", thrpt("TokenBench.sign", "ops/s", times(ops, 4)));

        CliRun dropped = CliRun.compare(dir, base, slower);
        CliRun rose = CliRun.compare(dir, base, faster);

        assertThat(dropped.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(dropped.out()).contains("-67.7%").contains("k ops/s");
        assertThat(rose.exit()).isEqualTo(CompareCli.OK);
        assertThat(rose.out()).contains("+300.0%").contains("ok");
    }

    @Test
    void newBenchmarksAreListedAndAMissingOneFailsUnlessAllowed() {
        Path base = write(dir, "base.json", avgt("PasswordBench.hash", "ms/op", HASH_MS),
                avgt("LegacyBench.md5", "us/op", samples(3, 0.01, 5, 3)));
        Path now = write(dir, "current.json", avgt("PasswordBench.hash", "ms/op", HASH_MS),
                avgt("TokenBench.verify", "us/op", samples(18.2, 0.01, 5, 4)));

        CliRun run = CliRun.compare(dir, base, now);

        assertThat(run.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(run.out()).contains("New benchmarks (not compared): TokenBench.verify")
                .contains("Missing benchmarks (only in baseline): LegacyBench.md5")
                .contains("missing from the current run: LegacyBench.md5");

        CliRun allowed = CliRun.compare(dir, base, now, "--allow-missing", "LegacyBench.md5");
        assertThat(allowed.exit()).isEqualTo(CompareCli.OK);
        assertThat(allowed.out()).contains("missing from the current run, allowed: LegacyBench.md5");
    }

    @Test
    void absoluteMillisecondThresholdOnMicrosecondBenchmark() {
        double[] micros = samples(1000, 0.01, 10, 5);
        Path base = write(dir, "base.json", avgt("SessionBench.lookup", "us/op", micros));
        Path plus6ms = write(dir, "plus6.json", avgt("SessionBench.lookup", "us/op", times(micros, 7)));
        Path plus4ms = write(dir, "plus4.json", avgt("SessionBench.lookup", "us/op", times(micros, 5)));

        assertThat(CliRun.compare(dir, base, plus6ms, "--fail", "mean:5ms").exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(CliRun.compare(dir, base, plus4ms, "--fail", "mean:5ms").exit()).isEqualTo(CompareCli.OK);
    }

    @Test
    void absoluteMillisecondThresholdOnMillisecondBenchmark() {
        CliRun plus7ms = compareHash(257.0 / 250, null, "--fail", "mean:5ms");
        CliRun plus3ms = compareHash(253.0 / 250, null, "--fail", "mean:5ms");

        assertThat(plus7ms.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(plus7ms.out()).contains("fail if mean: current \u2212 baseline > 5 ms");
        assertThat(plus3ms.exit()).isEqualTo(CompareCli.OK);
    }

    @Test
    void severalExpressionsCommaSeparatedOrRepeated() {
        double[] tail = times(HASH_MS, 1.7);
        CliRun comma = compareHash(0, tail, "--fail", "mean:300%,max:50%");
        CliRun repeated = compareHash(0, tail, "--fail", "mean:300%", "--fail=p99:37.5%");
        CliRun neither = compareHash(0, tail, "--fail", "mean:300%", "--fail", "max:90%");

        assertThat(comma.exit()).isEqualTo(CompareCli.REGRESSION);
        assertThat(comma.out()).contains("fail if mean:").contains("fail if max:").contains("REGRESSION (max:50%");
        assertThat(repeated.out()).contains("fail if p99: current/baseline \u2212 1 > 37.5%");
        assertThat(neither.out()).doesNotContain("REGRESSION (");
    }

    @Test
    void machineMismatchPrintsWarningNamingKeys() {
        Path base = ResultFixtures.writeOn(dir, "base.json", ResultFixtures.machine("Intel Xeon", 2),
                avgt("PasswordBench.hash", "ms/op", HASH_MS));
        Path now = ResultFixtures.writeOn(dir, "current.json", ResultFixtures.machine("AMD EPYC", 4),
                avgt("PasswordBench.hash", "ms/op", HASH_MS));

        CliRun run = CliRun.compare(dir, base, now);

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).containsPattern("(?m)^WARNING: machine_info differs: cpu .*cores ");
        assertThat(run.out()).doesNotContain("jvm_version (");
    }

    @Test
    void helpPrintsUsage() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exit()).isEqualTo(CompareCli.OK);
        assertThat(run.out()).contains("usage: CompareCli --base");
    }
}
