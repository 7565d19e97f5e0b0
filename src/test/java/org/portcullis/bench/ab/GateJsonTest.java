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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ab-result.json as the CLI writes it, read back as the creep history and the bisect step read it. */
class GateJsonTest {
    private static final double[] NOISE = {1.00, 1.03, 0.98, 1.01, 0.97, 1.02};

    @TempDir
    Path base;
    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void everyJudgedBenchmarkIsWrittenWithItsVerdictRatioIntervalPairsThresholdAndPairRatios() throws IOException {
        int exit = run(new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 500)
                .figure(FakeForkRunner.USERS_ME, 1.2, 1.2));

        assertThat(exit).isEqualTo(1);
        GateJson.Run run = GateJson.read(out.resolve("ab-result.json"));
        assertThat(run.seed()).isEqualTo(3);
        assertThat(run.only()).isEmpty();
        assertThat(run.baseLabel()).isEqualTo("anchor");
        assertThat(run.benchmark("PasswordBench.hash")).hasValueSatisfying(hash -> {
            assertThat(hash.verdict()).isEqualTo(GateJson.SLOWER);
            assertThat(hash.ratio()).isCloseTo(2.0, within(0.1));
            assertThat(hash.low()).isGreaterThan(1.9);
            assertThat(hash.pairs()).as("slower after the first three rounds").isEqualTo(3);
            assertThat(hash.threshold()).isEqualTo(1.15);
            assertThat(hash.pairRatios()).as("each pair's head/base, for the bisection to pool").hasSize(3)
                    .allSatisfy(ratio -> assertThat(ratio).isCloseTo(2.0, within(0.1)));
        });
        assertThat(run.benchmark("EndpointLatencyTest.usersMe")).hasValueSatisfying(usersMe -> {
            assertThat(usersMe.verdict()).isEqualTo(GateJson.SAME);
            assertThat(usersMe.pairs()).as("the same from five pairs on").isEqualTo(5);
        });
    }

    @Test
    void theStatementsPerRequestOfEachSideAreWrittenWhereCounted() throws IOException {
        run(new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.3).figure(FakeForkRunner.HASH, 250, 250)
                .work(FakeForkRunner.USERS_ME, 1, 2, 48_000, 48_500));

        GateJson.Run run = GateJson.read(out.resolve("ab-result.json"));
        assertThat(run.benchmark("EndpointLatencyTest.usersMe").flatMap(GateJson.Benchmark::statements))
                .hasValue(new GateJson.Statements(1, 2));
        assertThat(run.benchmark("PasswordBench.hash").flatMap(GateJson.Benchmark::statements)).isEmpty();
    }

    @Test
    void aBenchmarkTheRoundsCannotSettleIsUndecided() throws IOException {
        // pairs 1.265×, 1.15×, 1.045×, 1.15×, …: the median under the 1.25× boundary, every fourth pair over it
        double[] straddling = {1.0, 1.1, 1.1, 1.0};
        run(new FakeForkRunner(straddling).figure(FakeForkRunner.USERS_ME, 1.0, 1.15));

        assertThat(GateJson.read(out.resolve("ab-result.json")).benchmark("EndpointLatencyTest.usersMe"))
                .hasValueSatisfying(usersMe -> assertThat(usersMe.verdict()).isEqualTo(GateJson.UNDECIDED));
    }

    @Test
    void onlyRunsTheNamedBenchmarksWorkloadAndJudgesItAlone() throws IOException {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 500)
                .figure(FakeForkRunner.USERS_ME, 1.2, 1.2)
                .figure("org.portcullis.latency.EndpointLatencyTest.sessionsList", 1.0, 3.0);

        int exit = run(runner, "--only", "EndpointLatencyTest.usersMe");

        assertThat(exit).isZero();
        assertThat(runner.calls).extracting(FakeForkRunner.Call::workload).containsOnly(Workload.LATENCY);
        GateJson.Run run = GateJson.read(out.resolve("ab-result.json"));
        assertThat(run.only()).contains("EndpointLatencyTest.usersMe");
        assertThat(run.benchmarks()).extracting(GateJson.Benchmark::name).containsExactly("EndpointLatencyTest.usersMe");
    }

    @Test
    void onlyABenchmarkNeitherSideMeasuredIsAUsageError() throws IOException {
        int exit = run(new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2),
                "--only", "EndpointLatencyTest.noSuchEndpoint");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("neither side measured it");
    }

    private int run(ForkRunner runner, String... extra) throws IOException {
        List<String> args = FakeBuiltBase.arguments(base, out);
        args.addAll(List.of("--base-label", "anchor", "--noise", out.resolve("no-archive").toString()));
        args.addAll(List.of(extra));
        return AbCli.run(args.toArray(String[]::new), runner, printer(stdout), printer(stderr));
    }

    private static PrintStream printer(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
