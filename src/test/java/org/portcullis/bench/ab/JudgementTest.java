package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.BenchmarkUnit;
import org.portcullis.bench.compare.Verdict;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portcullis.bench.ab.PairedRatioTest.pair;

class JudgementTest {
    private static final Threshold BCRYPT = new Threshold("bcrypt", 1.15);

    @Test
    void underTheThresholdIsOkAndNeedsNoConfirmation() {
        Judgement judgement = judge(List.of(pair(100, 110), pair(100, 112), pair(100, 108)), List.of());

        assertThat(judgement.verdict()).isEqualTo(Verdict.OK);
        assertThat(judgement.confirmation()).isEmpty();
    }

    @Test
    void overTheThresholdWithATightIntervalAndAnAgreeingConfirmationIsARegression() {
        Judgement judgement = judge(List.of(pair(100, 200), pair(100, 198), pair(100, 203)),
                List.of(pair(100, 201), pair(100, 199)));

        assertThat(judgement.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(judgement.overall().pairs()).isEqualTo(5);
        assertThat(judgement.confirmation()).get().extracting(PairedRatio::pairs).isEqualTo(2);
    }

    @Test
    void aConfirmationThatDoesNotReachTheThresholdClearsTheFlag() {
        // one noisy first pass: ratio 1.25; the re-run finds no change
        Judgement judgement = judge(List.of(pair(100, 125), pair(100, 126), pair(100, 124)),
                List.of(pair(100, 101), pair(100, 100)));

        assertThat(judgement.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    }

    @Test
    void anIntervalReachingIntoTheNoiseBandIsNotEnoughEvenIfTheRatiosAgree() {
        // ratio ~1.2 over every pair, but the pairs scatter from 0.95 to 1.6: the interval reaches below 1.075
        Judgement judgement = judge(List.of(pair(100, 160), pair(100, 95), pair(100, 130)),
                List.of(pair(100, 100), pair(100, 140)));

        assertThat(judgement.overall().ratio()).isGreaterThan(BCRYPT.ratio());
        assertThat(judgement.overall().low()).isLessThan(BCRYPT.noiseBand());
        assertThat(judgement.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    }

    @Test
    void mediansAreOverEveryPairOfEachSide() {
        Judgement judgement = judge(List.of(pair(100, 200), pair(104, 210), pair(102, 190)), List.of());

        assertThat(judgement.baseMedian()).isEqualTo(102);
        assertThat(judgement.headMedian()).isEqualTo(200);
        assertThat(judgement.name()).isEqualTo("PasswordBench.hash");
    }

    private static Judgement judge(List<PairedRatio.Pair> measured, List<PairedRatio.Pair> confirmed) {
        return Judgement.of(FakeForkRunner.HASH, BenchmarkUnit.MS_PER_OP, BCRYPT, measured, confirmed);
    }
}
