package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AbCliTest {
    private static final double[] NOISE = {1.00, 1.03, 0.98, 1.01, 0.97, 1.02};

    @TempDir
    Path base;
    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void theRoundsGetTheBudgetLessWhatTheEndOfTheRunTakesAndNeverLessThanNothing() {
        // make started at 1000 with a 6-minute budget; the gate starts 40 s later, after both builds
        assertThat(AbCli.measuringNanos(1000, 360, 1040)).isEqualTo((360 - 40 - AbCli.FINISHING_SECONDS) * 1_000_000_000L);
        assertThat(AbCli.measuringNanos(1000, 360, 1400)).isZero();
    }

    @Test
    void noRegressionExitsZeroAndWritesBothReports() throws IOException {
        int exit = run(new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 251)
                .figure(FakeForkRunner.USERS_ME, 1.2, 1.2));

        assertThat(exit).isZero();
        String markdown = Files.readString(out.resolve("ab-report.md"));
        assertThat(markdown).startsWith("## Benchmark A/B: OK").contains("|PasswordBench.hash|bcrypt|")
                .contains("|EndpointLatencyTest.usersMe|endpoint|");
        String html = Files.readString(out.resolve("ab-report.html"));
        assertThat(html).contains("<svg").contains("PasswordBench.hash").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("src=");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
    }

    @Test
    void aSlowdownExitsOneAndIsNamedOnTheConsoleAndInTheReport() throws IOException {
        int exit = run(new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 500)
                .figure(FakeForkRunner.VERIFY, 250, 500).figure(FakeForkRunner.USERS_ME, 1.2, 1.2));

        assertThat(exit).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("FAIL: slower: PasswordBench.hash, PasswordBench.verify")
                .contains("no A/A archive for this platform");
        assertThat(Files.readString(out.resolve("ab-report.md"))).contains("❌ slower").contains("≥ ");
    }

    @Test
    void aMissingBenchmarkExitsOneAndAllowMissingLetsItGo() throws IOException {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .baseOnly(FakeForkRunner.VERIFY, 250);
        assertThat(run(runner)).isEqualTo(1);
        assertThat(Files.readString(out.resolve("ab-report.md"))).contains("MISSING from head")
                .contains(FakeForkRunner.VERIFY);

        FakeForkRunner again = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .baseOnly(FakeForkRunner.VERIFY, 250);
        assertThat(run(again, "--allow-missing", "PasswordBench.verify")).isZero();
    }

    @Test
    void anUnbuiltBaseOrABadOptionIsAUsageError() throws IOException {
        assertThat(AbCli.run(new String[] {"--base-dir", out.toString(), "--base-classpath", "x", "--head-classpath",
                "y"}, new FakeForkRunner(), printer(stdout), printer(stderr))).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("is not built or predates the A/B gate");

        assertThat(run(new FakeForkRunner(), "--fail", "mean:5ms")).isEqualTo(2);
        assertThat(run(new FakeForkRunner(), "--only", "Nothing.here")).isEqualTo(2);
        assertThat(run(new FakeForkRunner(), "--placement", "sideways")).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("percentage").contains("no A/B workload runs Nothing.here")
                .contains("placement must be duet, sequential or alternating");
    }

    @Test
    void anAaRunIsArchivedAndTheNextRunTakesItsBoundariesFromTheArchive() throws IOException {
        Path noise = out.resolve("aa-runs");
        for (int run = 0; run < NoiseModel.MIN_RUNS; run++) {
            assertThat(run(new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2), "--noise", noise.toString(),
                    "--archive-aa", "abc123" + run)).isZero();
        }
        assertThat(noise.resolve("0005_abc1234.json")).exists();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("A/A run archived");

        stdout.reset();
        run(new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2), "--noise", noise.toString());
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("boundaries resampled from 5 archived A/A runs");
    }

    @Test
    void judgingOneBenchmarkTellsEveryAlternatingRoundWhichAndJudgingAllNone() throws IOException {
        FakeForkRunner one = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2);
        run(one, "--only", "EndpointLatencyTest.usersMe");
        assertThat(one.alternatingJudged).isNotEmpty().containsOnly(Optional.of(FakeForkRunner.USERS_ME));

        FakeForkRunner all = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2);
        run(all);
        assertThat(all.alternatingJudged).isNotEmpty().containsOnly(Optional.empty());
    }

    /** Runs the CLI on a fake built base (the launcher's class file present) and this directory as head. */
    private int run(ForkRunner runner, String... extra) throws IOException {
        Path head = Path.of("target/test-classes", LatencyLauncher.class.getName().replace('.', '/') + ".class");
        assertThat(head).as("the head (this build) has the launcher").exists();
        List<String> args = FakeBuiltBase.arguments(base, out);
        args.addAll(List.of(extra));
        if (!args.contains("--noise")) {
            args.addAll(List.of("--noise", out.resolve("no-archive").toString()));
        }
        return AbCli.run(args.toArray(String[]::new), runner, printer(stdout), printer(stderr));
    }

    private static PrintStream printer(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
