package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BisectStepCliTest {
    /** Fork-to-fork noise of a few per cent, as users/me's on a quiet machine. */
    private static final double[] NOISE = {1.00, 1.06, 0.95, 1.03, 0.97, 1.04};

    @TempDir
    Path base;
    @TempDir
    Path bad;
    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void aStepAsSlowAsBadIsCalledSlowerAfterTheLeadOnlyWithGoodAndBadInEveryRound() throws IOException {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.85)
                .bad(FakeForkRunner.USERS_ME, 0.85).figure(FakeForkRunner.HASH, 250, 250);

        assertThat(run(runner, "--bad-ratio", "1.7")).isZero();

        // no archive: a vote strays one time in ten, so three votes decide; three services a round, its workload only
        assertThat(runner.calls).hasSize(9).allMatch(call -> call.workload() == Workload.LATENCY && call.cpu() == FakeForkRunner.ALTERNATING);
        // and the client's mix ends with the one endpoint judged
        assertThat(runner.alternatingJudged).containsOnly(Optional.of(FakeForkRunner.USERS_ME));
        assertThat(runner.calls.stream().map(FakeForkRunner.Call::side)).containsExactlyInAnyOrder("base", "base", "base",
                "head", "head", "head", "bad", "bad", "bad");
        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("slower ").endsWith(" 3\n");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("3 votes ahead decide").contains("round 3: step ")
                .contains("like BAD").contains("BAD against GOOD in these rounds: ");
    }

    @Test
    void anUnchangedStepIsCalledTheSame() throws IOException {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.5).bad(FakeForkRunner.USERS_ME, 0.85);

        assertThat(run(runner, "--bad-ratio", "1.7")).isZero();

        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("same ").endsWith(" 3\n");
    }

    @Test
    void aStepAsSlowAsBadIsLikeBadEvenWhenBadsRatioWasOverstated() throws IOException {
        // bisect run 13: BAD measured 2.306× before the steps, the slower steps ~1.5-1.7×; a middle fixed at
        // √2.306 = 1.519× split their votes, the round's own GOOD and BAD do not
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.75)
                .bad(FakeForkRunner.USERS_ME, 0.75);

        assertThat(run(runner, "--bad-ratio", "2.306")).isZero();

        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("slower 1.");
    }

    @Test
    void aRoundWhoseBadIsNoSlowerThanItsGoodAbstainsAndDecidesNothing() throws IOException {
        FakeForkRunner runner = new FakeForkRunner(1.0).figure(FakeForkRunner.USERS_ME, 0.5, 0.85)
                .bad(FakeForkRunner.USERS_ME, 0.5);

        assertThat(run(runner, "--bad-ratio", "1.7", "--budget", "100s")).isZero();

        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("undecided ").endsWith(" 3\n");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("abstains: BAD no slower than GOOD");
    }

    @Test
    void aStepHalfwayToBadIsLeftUndecidedWhenTheBudgetEnds() throws IOException {
        // the step exactly between GOOD and BAD: its votes alternate, and 100 s of 10-second forks end it
        FakeForkRunner runner = new FakeForkRunner(0.98, 1.02).figure(FakeForkRunner.USERS_ME, 0.5, 0.5 * Math.sqrt(1.7))
                .bad(FakeForkRunner.USERS_ME, 0.5 * 1.7);

        assertThat(run(runner, "--bad-ratio", "1.7", "--budget", "100s")).isZero();

        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("undecided ");
        assertThat(runner.calls).hasSize(9);
    }

    @Test
    void aStepUndecidedAloneIsJudgedTogetherWithTheRoundsItWasMeasuredInBefore() throws IOException {
        // bisect run 14: the slower commit, like BAD as a step, split its votes when judged again
        Path kept = Files.writeString(out.resolve("rounds.txt"), "0.5 0.85 0.85\n0.5 0.8 0.85\n");
        FakeForkRunner halfway = new FakeForkRunner(0.98, 1.02).figure(FakeForkRunner.USERS_ME, 0.5, 0.5 * Math.sqrt(1.7))
                .bad(FakeForkRunner.USERS_ME, 0.5 * 1.7);

        assertThat(run(halfway, "--bad-ratio", "1.7", "--budget", "100s", "--rounds", kept.toString())).isZero();

        // its own three rounds +1 −1 +1, the earlier two +2: three votes ahead
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("undecided alone; with the 2 rounds it was measured in before: like BAD");
        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("slower ").endsWith(" 5\n");
        assertThat(Files.readAllLines(kept)).hasSize(5);
    }

    @Test
    void aStepDecidedAloneIsNotOutvotedByTheRoundsItWasMisjudgedInBefore() throws IOException {
        Path kept = Files.writeString(out.resolve("rounds.txt"), "0.5 0.85 0.85\n0.5 0.8 0.85\n");
        FakeForkRunner unchanged = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.5)
                .bad(FakeForkRunner.USERS_ME, 0.85);

        assertThat(run(unchanged, "--bad-ratio", "1.7", "--rounds", kept.toString())).isZero();

        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("same ").endsWith(" 3\n");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("undecided alone");
        assertThat(Files.readAllLines(kept)).hasSize(5);
    }

    @Test
    void aRoundsStrayRateIsReadFromSequentialPairsNeverFromADuetsTighterOnes() throws IOException {
        Path archive = Files.createDirectories(out.resolve("aa-runs"));
        Files.writeString(archive.resolve("0001_abc.json"), """
                {"benchmarks": {"org.portcullis.bench.PasswordBench.hash": {"placement": "duet", "unit": "ms/op",
                  "pairs": [[250, 251], [251, 250], [250, 250.5]]}}}""");
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.HASH, 250, 500).bad(FakeForkRunner.HASH, 500);

        assertThat(run(runner, "--bad-ratio", "2", "--bench", "PasswordBench.hash", "--noise", archive.toString())).isZero();

        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("(no A/A archive for it)");
        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("slower ");
    }

    @Test
    void aLatencyRoundsStrayRateIsReadFromAlternatingPairsAsItsRoundsAlternate() throws IOException {
        Path archive = Files.createDirectories(out.resolve("aa-runs"));
        Files.writeString(archive.resolve("0001_abc.json"), """
                {"benchmarks": {"org.portcullis.latency.EndpointLatencyTest.usersMe": {"placement": "sequential",
                  "unit": "ms/op", "pairs": [[0.5, 0.6], [0.6, 0.5], [0.5, 0.55], [0.55, 0.5]]}}}""");
        Files.writeString(archive.resolve("0002_abc.json"), """
                {"benchmarks": {"org.portcullis.latency.EndpointLatencyTest.usersMe": {"placement": "alternating",
                  "unit": "ms/op", "pairs": [[0.5, 0.51], [0.51, 0.5], [0.5, 0.5]]}}}""");
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.85)
                .bad(FakeForkRunner.USERS_ME, 0.85);

        assertThat(run(runner, "--bad-ratio", "1.7", "--noise", archive.toString())).isZero();

        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("(3 archived A/A pairs)");
    }

    @Test
    void whenBadRunsAnotherStatementCountOneRoundJudgesTheStepByItsCount() throws IOException {
        FakeForkRunner extraRead = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.75)
                .work(FakeForkRunner.USERS_ME, 1, 2, 46_000, 105_000);

        assertThat(run(extraRead, "--statements", "1,2")).isZero();

        assertThat(extraRead.calls).hasSize(2);
        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("slower ").endsWith(" 1 2\n");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("usersMe: 1 → 2 SQL statements per request");
    }

    @Test
    void aStepRunningGoodsStatementCountIsLikeGoodWhateverItsTimeSays() throws IOException {
        // one pair at 1.5×: a fork-wide outlier; the count is exact
        FakeForkRunner unchanged = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.75)
                .work(FakeForkRunner.USERS_ME, 1, 1, 46_000, 46_000);

        assertThat(run(unchanged, "--statements", "1,2")).isZero();

        assertThat(unchanged.calls).hasSize(2);
        assertThat(Files.readString(out.resolve("step.txt"))).startsWith("same ");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("unchanged, 1");
    }

    @Test
    void aStepThatDoesNotMeasureTheBenchmarkHasNoVerdict() throws IOException {
        FakeForkRunner runner = new FakeForkRunner(NOISE).figure(FakeForkRunner.USERS_ME, 0.5, 0.5)
                .bad(FakeForkRunner.USERS_ME, 0.85).failingOnHead(FakeForkRunner.USERS_ME, "answered 500");

        assertThat(run(runner, "--bad-ratio", "1.7")).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("fork error: head: ").contains("was not measured in this round");
        assertThat(out.resolve("step.txt")).doesNotExist();
    }

    @Test
    void aBadRatioThatIsNotASlowdownOrAnUnknownBenchmarkIsAUsageError() throws IOException {
        assertThat(run(new FakeForkRunner(), "--bad-ratio", "0.9")).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--bad-ratio must be above 1");
        assertThat(run(new FakeForkRunner(), "--bad-ratio", "1.7", "--bench", "Nothing.here")).isEqualTo(2);
        assertThat(run(new FakeForkRunner(), "--statements", "1,1")).isEqualTo(2);
        assertThat(run(new FakeForkRunner())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--bad-ratio or --statements is required");
        List<String> withoutBad = FakeBuiltBase.arguments(base, out);
        withoutBad.addAll(List.of("--bench", "EndpointLatencyTest.usersMe", "--bad-ratio", "1.7"));
        assertThat(BisectStepCli.run(withoutBad.toArray(String[]::new), new FakeForkRunner(), () -> 0, printer(stdout),
                printer(stderr))).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("a step needs BAD's build: --bad-dir");
    }

    private int run(FakeForkRunner runner, String... extra) throws IOException {
        List<String> args = FakeBuiltBase.arguments(base, out);
        if (!List.of(extra).contains("--noise")) {
            args.addAll(List.of("--noise", out.resolve("no-archive").toString()));
        }
        if (!List.of(extra).contains("--bench")) {
            args.addAll(List.of("--bench", "EndpointLatencyTest.usersMe"));
        }
        if (List.of(extra).contains("--bad-ratio")) {
            args.addAll(List.of("--bad-dir", bad.toString(), "--bad-classpath", FakeBuiltBase.built(bad).toString()));
        }
        args.addAll(List.of(extra));
        return BisectStepCli.run(args.toArray(String[]::new), runner, runner::now, printer(stdout), printer(stderr));
    }

    private static PrintStream printer(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
