package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.Verdict;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbGateTest {
    /** Fork-to-fork noise of a few percent, drawn in turn. */
    private static final double[] NOISE = {1.00, 1.03, 0.98, 1.01, 0.97, 1.02};

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void unchangedCodeRunsEveryWorkloadOnBothSidesEachRoundAndConfirmsNothing() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .figure(FakeForkRunner.SIGN, 0.01, 0.01).figure(FakeForkRunner.USERS_ME, 1.2, 1.2);

        GateResult result = gate(runner, Optional.empty(), Set.of()).run("base", "head", 1);

        assertThat(result.fails()).isFalse();
        assertThat(result.judgements()).extracting(Judgement::verdict).containsOnly(Verdict.OK);
        assertThat(runner.calls).hasSize(3 * Workload.values().length * 2);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[measure round 3/3]").contains("elapsed")
                .doesNotContain("confirm");
    }

    @Test
    void theConfirmationReRunsTheFlaggedBenchmarksWorkloadAsMeasuredAndJudgesOnlyThem() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 500)
                .figure(FakeForkRunner.VERIFY, 250, 250).figure(FakeForkRunner.USERS_ME, 1.2, 1.2);

        GateResult result = gate(runner, Optional.empty(), Set.of()).run("base", "head", 1);

        Set<Workload> confirmed = runner.calls.stream().skip(3 * Workload.values().length * 2)
                .map(FakeForkRunner.Call::workload).collect(Collectors.toSet());
        assertThat(confirmed).containsOnly(Workload.PASSWORD);
        assertThat(runner.calls).hasSize(3 * Workload.values().length * 2 + 2 * 2);
        assertThat(result.judgements()).filteredOn(j -> j.name().equals("PasswordBench.verify")).singleElement()
                .satisfies(verify -> {
                    assertThat(verify.confirmation()).isEmpty();
                    assertThat(verify.pairs()).hasSize(3);
                });
        assertThat(result.fails()).isTrue();
        assertThat(result.judgements()).filteredOn(j -> j.verdict().fails()).extracting(Judgement::name)
                .containsExactly("PasswordBench.hash");
        assertThat(result.summary()).contains("regression in PasswordBench.hash");
    }

    @Test
    void aRegressionKeptWithinNoiseByOneOutlyingForkGetsMoreRoundsAndFails() {
        // The base's first fork runs everything 3× slow: its pair says 0.67×, every other pair 2×.
        double[] oneSlowBaseFork = {3.0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        FakeForkRunner runner = new FakeForkRunner(oneSlowBaseFork).figure(FakeForkRunner.USERS_ME, 1.0, 2.0);

        GateResult result = gate(runner, Optional.empty(), Set.of()).run("base", "head", 1);

        int measuring = 3 * Workload.values().length * 2;
        assertThat(runner.calls).hasSize(measuring + 2 * 2 + 4 * 2);
        assertThat(runner.calls.stream().skip(measuring).map(FakeForkRunner.Call::workload))
                .containsOnly(Workload.LATENCY);
        assertThat(result.judgements()).singleElement().satisfies(usersMe -> {
            assertThat(usersMe.pairs()).hasSize(PairedRatio.PAIRS_PAST_ONE_OUTLIER);
            assertThat(usersMe.overall().low()).isCloseTo(2.0, within(1e-9));
            assertThat(usersMe.verdict()).isEqualTo(Verdict.REGRESSION);
        });
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[confirm further round 4/4]");
    }

    @Test
    void aFlagThatTheConfirmationDoesNotRepeatGetsNoFurtherRounds() {
        // Unchanged code in slow forks early on (pairs 2×, 2×, 0.25×): flagged; the confirmation says 1×.
        double[] slowEarlyForks = {1, 2, 4, 1, 1, 1, 1, 1, 1, 1, 1};
        FakeForkRunner runner = new FakeForkRunner(slowEarlyForks).figure(FakeForkRunner.USERS_ME, 1.0, 1.0);

        GateResult result = gate(runner, Optional.empty(), Set.of()).run("base", "head", 1);

        assertThat(runner.calls).hasSize(3 * Workload.values().length * 2 + 2 * 2);
        assertThat(result.fails()).isFalse();
        assertThat(result.judgements()).singleElement().satisfies(usersMe -> {
            assertThat(usersMe.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
            assertThat(usersMe.undecided()).isFalse();
        });
    }

    @Test
    void aSlowdownUnderTheFamilyThresholdPassesUnlessFailLowersIt() {
        FakeForkRunner noisy = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.0, 1.15);
        assertThat(gate(noisy, Optional.empty(), Set.of()).run("b", "h", 1).fails()).isFalse();

        FakeForkRunner strict = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.0, 1.15);
        GateResult result = gate(strict, Optional.of(Threshold.override("5%")), Set.of()).run("b", "h", 1);
        assertThat(result.fails()).isTrue();
        assertThat(result.judgements()).singleElement().extracting(j -> j.threshold().family())
                .isEqualTo("FAIL=mean:5%");
    }

    @Test
    void aBenchmarkTheHeadNoLongerProducesFailsTheRunByNameUnlessAllowed() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .baseOnly(FakeForkRunner.VERIFY, 250);

        GateResult result = gate(runner, Optional.empty(), Set.of()).run("b", "h", 1);
        assertThat(result.fails()).isTrue();
        assertThat(result.missing()).containsExactly(FakeForkRunner.VERIFY);
        assertThat(result.summary()).contains("missing from head: " + FakeForkRunner.VERIFY);

        FakeForkRunner again = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 250)
                .baseOnly(FakeForkRunner.VERIFY, 250);
        GateResult allowed = gate(again, Optional.empty(), Set.of("PasswordBench.verify")).run("b", "h", 1);
        assertThat(allowed.fails()).isFalse();
        assertThat(allowed.allowed()).containsExactly(FakeForkRunner.VERIFY);
    }

    @Test
    void anEndpointWhoseTestErrorsOnTheHeadFailsTheRunAndIsNamed() {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 1.2, 1.2)
                .figure(FakeForkRunner.LOGIN, 270, 270)
                .failingOnHead(FakeForkRunner.USERS_ME, "expected 200 but got 500");

        GateResult result = gate(runner, Optional.empty(), Set.of()).run("b", "h", 1);

        assertThat(result.fails()).isTrue();
        assertThat(result.errors()).first().asString().startsWith("head: " + FakeForkRunner.USERS_ME)
                .contains("got 500");
        assertThat(result.missing()).containsExactly(FakeForkRunner.USERS_ME);
    }

    private AbGate gate(FakeForkRunner runner, Optional<Threshold> override, Set<String> allowMissing) {
        InterleavedRounds rounds = new InterleavedRounds(runner, new Checkout("base", Path.of("b"), ""),
                new Checkout("head", Path.of("h"), ""), 7, new PrintStream(console, true, StandardCharsets.UTF_8));
        return new AbGate(rounds, 3, 2, override, allowMissing);
    }
}
