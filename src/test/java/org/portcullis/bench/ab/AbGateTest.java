package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class AbGateTest {
    /** Fork-to-fork noise of a few percent, drawn in turn. */
    private static final double[] NOISE = {1.00, 1.03, 0.98, 1.01, 0.97, 1.02};
    private static final long NO_BUDGET = Long.MAX_VALUE;
    /** Pair factors 1.1, 1, 0.909, 1, … (each pair is head/base of consecutive draws). */
    private static final double[] STRADDLING = {1.0, 1.1, 1.1, 1.0};

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void unchangedCodeIsCalledTheSameAfterFiveRoundsOfEveryWorkload() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .figure(FakeForkRunner.SIGN, 0.01, 0.01).figure(FakeForkRunner.USERS_ME, 1.2, 1.2)
                .figure(FakeForkRunner.LOGIN, 270, 270);

        GateResult result = gate(runner, NO_BUDGET).run("base", "head", 1, true);

        assertThat(result.fails()).isFalse();
        assertThat(result.judgements()).extracting(Judgement::verdict).containsOnly(AbVerdict.SAME);
        assertThat(result.rounds()).isEqualTo(5);
        assertThat(runner.calls).hasSize(5 * Workload.values().length * 2);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[measure round 3]").contains("[decide round 5]");
    }

    @Test
    void aClearSlowdownIsCalledSlowerAfterThreeRoundsAndItsWorkloadStopsThere() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 500)
                .figure(FakeForkRunner.USERS_ME, 1.2, 1.2);

        GateResult result = gate(runner, NO_BUDGET).run("base", "head", 1, false);

        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.PASSWORD)).hasSize(3 * 2);
        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.LATENCY)).hasSize(5 * 2);
        assertThat(result.fails()).isTrue();
        assertThat(result.judgements()).filteredOn(Judgement::slower).extracting(Judgement::name)
                .containsExactly("PasswordBench.hash");
        assertThat(result.summary()).startsWith("FAIL: slower: PasswordBench.hash");
    }

    @Test
    void duetForksRunTogetherOnTwoCoresThatSwapEveryRound() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250);

        gate(runner, NO_BUDGET).run("base", "head", 1, false);

        List<Integer> baseCores = runner.calls.stream()
                .filter(call -> call.workload() == Workload.PASSWORD && call.side().equals("base"))
                .map(FakeForkRunner.Call::cpu).toList();
        assertThat(Workload.PASSWORD.placement()).isEqualTo(Placement.DUET);
        assertThat(baseCores).containsExactly(0, 1, 0, 1, 0);
        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.PASSWORD && call.side().equals("head"))
                .map(FakeForkRunner.Call::cpu)).containsExactly(1, 0, 1, 0, 1);
    }

    @Test
    void aSequentialPlacementRunsEachSideAloneWithEveryCore() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2);

        gate(runner, NO_BUDGET, Placement.SEQUENTIAL).run("base", "head", 1, false);

        assertThat(runner.calls).extracting(FakeForkRunner.Call::cpu).containsOnly(-1);
    }

    @Test
    void theLatencyWorkloadAlternatesBothSidesInEveryRoundWhileTheJmhWorkloadsKeepTheirPlacement() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2)
                .figure(FakeForkRunner.HASH, 250, 250).figure(FakeForkRunner.LOGIN, 270, 270);

        GateResult result = gate(runner, NO_BUDGET).run("base", "head", 1, false);

        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.LATENCY))
                .isNotEmpty().allMatch(call -> call.cpu() == FakeForkRunner.ALTERNATING);
        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.PASSWORD))
                .isNotEmpty().allMatch(call -> call.cpu() >= 0);
        assertThat(result.observations().pairs(FakeForkRunner.USERS_ME)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void anAlternatingOverrideRunsTheWorkloadsNoClientCanDriveSequentially() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .figure(FakeForkRunner.USERS_ME, 1.2, 1.2);

        gate(runner, NO_BUDGET, Placement.ALTERNATING).run("base", "head", 1, false);

        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.PASSWORD))
                .isNotEmpty().allMatch(call -> call.cpu() == -1);
        assertThat(runner.calls.stream().filter(call -> call.workload() == Workload.LATENCY))
                .isNotEmpty().allMatch(call -> call.cpu() == FakeForkRunner.ALTERNATING);
    }

    @Test
    void aBenchmarkNearItsBoundaryGetsRoundsUntilDecidedOrAtMostMaxPairs() {
        // pairs 1.265×, 1.15×, 1.045×, 1.15×, …: the median is under the 1.25× boundary (not slower) and every
        // fourth pair over it, so the interval keeps crossing it (not the same)
        FakeForkRunner runner = new FakeForkRunner(STRADDLING).figure(FakeForkRunner.USERS_ME, 1.0, 1.15);

        GateResult result = gate(runner, NO_BUDGET).run("base", "head", 1, false);

        assertThat(result.judgements()).singleElement().satisfies(usersMe -> {
            assertThat(usersMe.verdict()).isEqualTo(AbVerdict.UNDECIDED);
            assertThat(usersMe.pairs()).hasSize(AbGate.MAX_PAIRS);
        });
        assertThat(result.fails()).isFalse();
        assertThat(result.summary()).contains("undecided: EndpointLatencyTest.usersMe");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        GateReport.printConsole(result, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("UNDECIDED: EndpointLatencyTest.usersMe at 1.150× over 12 pairs could be neither ruled"
                        + " slower nor the same in the most pairs a run gives; re-run");
    }

    @Test
    void theBudgetEndsTheRoundsAndAnUndecidedBenchmarkFailsOnlyWhenStrict() {
        FakeForkRunner runner = new FakeForkRunner(STRADDLING).figure(FakeForkRunner.USERS_ME, 1.0, 1.15);
        // a fork takes 10 s: a round of the duet workload 10 s, of the sequential one 20 s (two forks), of the
        // alternating one 20 s (two services); three rounds of all three take 150 s, then there is room for two
        // more 20 s rounds of the latency workload
        long budget = 195_000_000_000L;

        GateResult lenient = gate(runner, budget).run("base", "head", 1, false);
        assertThat(lenient.judgements()).singleElement().satisfies(usersMe -> assertThat(usersMe.pairs()).hasSize(5));
        assertThat(lenient.outOfTime()).isTrue();
        assertThat(lenient.fails()).isFalse();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        GateReport.printConsole(lenient, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("over 5 pairs could be neither ruled slower nor"
                + " the same before the budget ended; re-run, or AB_BUDGET=… for more rounds (what they buy: make"
                + " benchmark-power AB_ONLY=EndpointLatencyTest.usersMe)");

        FakeForkRunner again = new FakeForkRunner(STRADDLING).figure(FakeForkRunner.USERS_ME, 1.0, 1.15);
        GateResult strict = gate(again, budget).run("base", "head", 1, true);
        assertThat(strict.fails()).isTrue();
        assertThat(strict.summary()).contains("undecided (fails under STRICT=1): EndpointLatencyTest.usersMe");
    }

    @Test
    void oneOutlyingForkDoesNotHideASlowdown() {
        // The base's first fork runs everything 3× slow: its pair says 0.67×, every other pair 2×.
        double[] oneSlowBaseFork = {3.0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        FakeForkRunner runner = new FakeForkRunner(oneSlowBaseFork).figure(FakeForkRunner.USERS_ME, 1.0, 2.0);

        GateResult result = gate(runner, NO_BUDGET).run("base", "head", 1, false);

        assertThat(result.judgements()).singleElement().satisfies(usersMe -> {
            assertThat(usersMe.verdict()).isEqualTo(AbVerdict.SLOWER);
            assertThat(usersMe.overall().ratio()).isEqualTo(2.0);
        });
    }

    @Test
    void onlyTheNamedBenchmarkIsJudgedAndOnlyItsWorkloadRuns() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .figure(FakeForkRunner.USERS_ME, 1.0, 2.0).figure(FakeForkRunner.LOGIN, 270, 270);
        InterleavedRounds rounds = rounds(runner);
        AbGate gate = new AbGate(rounds, Optional.of(FakeForkRunner.USERS_ME), Boundary::familyDefault, NO_BUDGET,
                Set.of(), "defaults");

        GateResult result = gate.run("b", "h", 1, false);

        assertThat(runner.calls).extracting(FakeForkRunner.Call::workload).containsOnly(Workload.LATENCY);
        assertThat(result.judgements()).extracting(Judgement::name).containsExactly("EndpointLatencyTest.usersMe");
        assertThat(result.fails()).isTrue();
    }

    @Test
    void aBenchmarkTheHeadNoLongerProducesFailsTheRunByNameUnlessAllowed() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .baseOnly(FakeForkRunner.VERIFY, 250);

        GateResult result = gate(runner, NO_BUDGET).run("b", "h", 1, false);
        assertThat(result.fails()).isTrue();
        assertThat(result.missing()).containsExactly(FakeForkRunner.VERIFY);
        assertThat(result.summary()).contains("missing from head: " + FakeForkRunner.VERIFY);

        FakeForkRunner again = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .baseOnly(FakeForkRunner.VERIFY, 250);
        GateResult allowed = new AbGate(rounds(again), Optional.empty(), Boundary::familyDefault, NO_BUDGET,
                Set.of("PasswordBench.verify"), "defaults").run("b", "h", 1, false);
        assertThat(allowed.fails()).isFalse();
        assertThat(allowed.allowed()).containsExactly(FakeForkRunner.VERIFY);
    }

    @Test
    void anEndpointWhoseTestErrorsOnTheHeadFailsTheRunAndIsNamed() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2)
                .figure(FakeForkRunner.LOGIN, 270, 270)
                .failingOnHead(FakeForkRunner.USERS_ME, "expected 200 but got 500");

        GateResult result = gate(runner, NO_BUDGET).run("b", "h", 1, false);

        assertThat(result.fails()).isTrue();
        assertThat(result.errors()).first().asString().startsWith("head: " + FakeForkRunner.USERS_ME)
                .contains("got 500");
        assertThat(result.missing()).containsExactly(FakeForkRunner.USERS_ME);
    }

    private AbGate gate(FakeForkRunner runner, long budget) {
        return new AbGate(rounds(runner), Optional.empty(), Boundary::familyDefault, budget, Set.of(), "defaults");
    }

    private AbGate gate(FakeForkRunner runner, long budget, Placement placement) {
        return new AbGate(rounds(runner).placeAll(placement), Optional.empty(), Boundary::familyDefault, budget,
                Set.of(), "defaults");
    }

    private InterleavedRounds rounds(FakeForkRunner runner) {
        return new InterleavedRounds(runner, new Checkout("base", Path.of("b"), ""), new Checkout("head", Path.of("h"), ""),
                7, new PrintStream(console, true, StandardCharsets.UTF_8), runner::now);
    }
}
