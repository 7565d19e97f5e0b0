package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's counted-work signals end to end, over the fake runner: statements fail at once, allocation warns. */
class CountedWorkGateTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void oneMoreStatementPerRequestFailsTheRunAtOnceThoughItsTimeIsUnchanged() {
        FakeForkRunner runner = new FakeForkRunner(1.00, 1.02, 0.98).figure(FakeForkRunner.USERS_ME, 1.0, 1.0)
                .work(FakeForkRunner.USERS_ME, 1, 2, 48_000, 48_500);

        GateResult result = gate(runner).run("base", "head", 1, false);

        assertThat(result.fails()).isTrue();
        assertThat(runner.calls).as("no more rounds than unchanged timing needs: five of the latency workload, three"
                + " of the others (which measured nothing here)").hasSize((5 + 3 * (Workload.values().length - 1)) * 2);
        assertThat(result.summary()).startsWith("FAIL:").contains("SQL statements per request changed in usersMe");
        assertThat(GateReport.markdown(result)).contains("- SQL STATEMENTS (fails): usersMe: 1 → 2 SQL statements per request");
    }

    @Test
    void allocationBeyondItsThresholdIsAWarningThatFailsOnlyWhenStrict() {
        FakeForkRunner runner = new FakeForkRunner().figure(FakeForkRunner.USERS_ME, 1.0, 1.0)
                .work(FakeForkRunner.USERS_ME, 1, 1, 48_000, 64_000);

        GateResult lenient = gate(runner).run("base", "head", 1, false);
        GateResult strict = gate(runner).run("base", "head", 1, true);

        assertThat(lenient.fails()).isFalse();
        assertThat(lenient.summary()).startsWith("OK:").contains("1 allocating more (warning)");
        assertThat(lenient.work().lines()).singleElement().asString()
                .startsWith("allocation (warning; fails with STRICT=1): usersMe: 46.9 KB → 62.5 KB allocated per request");
        assertThat(strict.fails()).isTrue();
    }

    @Test
    void unchangedWorkSaysNothing() {
        FakeForkRunner runner = new FakeForkRunner().figure(FakeForkRunner.USERS_ME, 1.0, 1.0)
                .work(FakeForkRunner.USERS_ME, 1, 1, 48_000, 49_000);

        GateResult result = gate(runner).run("base", "head", 1, true);

        assertThat(result.fails()).isFalse();
        assertThat(result.work().lines()).isEmpty();
        assertThat(result.summary()).isEqualTo("OK: 1 benchmarks compared, 1 same");
    }

    @Test
    void aForksJmhJsonGivesEachBenchmarksStatementsAndBytesPerOperation(@TempDir Path directory) throws IOException {
        Path json = directory.resolve("fork.json");
        Files.writeString(json, """
                [{"benchmark": "org.portcullis.latency.EndpointLatencyTest.usersMe", "secondaryMetrics": {
                   "gc.alloc.rate.norm": {"score": 48030.9, "scoreUnit": "B/op"},
                   "sql.statements.norm": {"score": 1.0, "scoreUnit": "statements/op"}}},
                 {"benchmark": "org.portcullis.bench.TokenBench.signHs256", "secondaryMetrics": {
                   "gc.alloc.rate": {"score": 900.0, "scoreUnit": "MB/sec"},
                   "gc.alloc.rate.norm": {"score": 39320.1, "scoreUnit": "B/op"}}},
                 {"benchmark": "org.portcullis.bench.RulerBench.sha256", "secondaryMetrics": {}}]""");

        assertThat(CountedWork.read(json)).isEqualTo(Map.of(
                "org.portcullis.latency.EndpointLatencyTest.usersMe",
                new CountedWork(OptionalDouble.of(1.0), OptionalDouble.of(48030.9)),
                "org.portcullis.bench.TokenBench.signHs256",
                new CountedWork(OptionalDouble.empty(), OptionalDouble.of(39320.1))));
    }

    private AbGate gate(FakeForkRunner runner) {
        InterleavedRounds rounds = new InterleavedRounds(runner, new Checkout("base", Path.of("b"), ""),
                new Checkout("head", Path.of("h"), ""), 7, new PrintStream(console, true, StandardCharsets.UTF_8));
        return new AbGate(rounds, Optional.empty(), Boundary::familyDefault, Long.MAX_VALUE, Set.of(), "defaults");
    }
}
