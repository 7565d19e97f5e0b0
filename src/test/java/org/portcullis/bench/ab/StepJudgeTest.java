package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepJudgeTest {
    /** 60 A/A pairs of users/me-like noise, evenly from 0.82× to 1.22×: none as far as 1.69× / √3 = 1.354×. */
    private static final List<Double> QUIET = DoubleStream.iterate(-0.2, log -> log + 0.4 / 59).limit(60).boxed().toList();

    @Test
    void theStepVotesForWhicheverOfItsRoundsGoodAndBadItLiesNearer() {
        StepJudge judge = StepJudge.of(1.69, QUIET);

        // the middle is the round's own: √(1.0 · 1.44) = 1.2, not √1.69 = 1.3, and on a log scale: 1.21 lies
        // nearer 1.44 than 1.0 by ratio, though below their arithmetic middle 1.22
        assertThat(judge.judge(List.of(round(1.25, 1.44), round(1.25, 1.44)))).isEqualTo(AbVerdict.SLOWER);
        assertThat(judge.judge(List.of(round(1.21, 1.44), round(1.21, 1.44)))).isEqualTo(AbVerdict.SLOWER);
        assertThat(judge.judge(List.of(round(1.19, 1.44), round(1.19, 1.44)))).isEqualTo(AbVerdict.SAME);
    }

    @Test
    void whenNoArchivedPairStraysFarEnoughTwoVotesDecideAndNeverOne() {
        StepJudge judge = StepJudge.of(1.69, QUIET);

        assertThat(judge.stray()).isEqualTo(1.0 / 122);
        assertThat(judge.lead()).isEqualTo(2);
        assertThat(judge.judge(List.of(round(1.7, 1.7)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(round(1.7, 1.7), round(1.55, 1.6)))).isEqualTo(AbVerdict.SLOWER);
        assertThat(judge.judge(List.of(round(0.95, 1.7), round(1.12, 1.6)))).isEqualTo(AbVerdict.SAME);
    }

    @Test
    void aRoundWhoseBadIsNoSlowerThanItsGoodAbstains() {
        StepJudge judge = StepJudge.of(1.69, QUIET);

        assertThat(round(1.7, 1.0).vote()).isZero();
        assertThat(round(1.7, 0.9).vote()).isZero();
        assertThat(judge.judge(List.of(round(1.7, 1.7), round(1.7, 0.95)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(round(1.7, 1.7), round(1.7, 0.95), round(1.6, 1.5)))).isEqualTo(AbVerdict.SLOWER);
    }

    @Test
    void oneOutlyingForkIsOneVoteAndIsOutvoted() {
        StepJudge judge = StepJudge.of(1.69, QUIET);

        // a fork-wide outlier at 0.47× inside a slower step: the mean of the logs would sit below the middle
        assertThat(judge.judge(List.of(round(1.5, 1.6), round(0.47, 1.6)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(round(1.5, 1.6), round(0.47, 1.6), round(1.6, 1.7), round(1.45, 1.5))))
                .isEqualTo(AbVerdict.SLOWER);
    }

    @Test
    void aSmallerBadRatioThatArchivedPairsOftenStrayPastNeedsALongerLead() {
        // BAD only 1.21× slower: a vote strays as often as a pair lies beyond 1.21× / √3 = 1.116×, a quarter here
        List<Double> noisy = new java.util.ArrayList<>(Collections.nCopies(45, 0.0));
        noisy.addAll(Collections.nCopies(15, Math.log(1.12)));
        StepJudge judge = StepJudge.of(1.21, noisy);

        assertThat(judge.stray()).isEqualTo(16.0 / 122);
        assertThat(judge.lead()).isEqualTo(3);
        assertThat(judge.judge(List.of(round(1.2, 1.21), round(1.15, 1.21)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(round(1.2, 1.21), round(1.15, 1.21), round(1.3, 1.21)))).isEqualTo(AbVerdict.SLOWER);
    }

    @Test
    void aRoundsVoteIsLessNoisyThanAPairSoFewerArchivedPairsCountAsStraying() {
        // pairs at 1.14×: past the old fixed middle √1.3 = 1.140×, short of 1.3× / √3 = 1.163×
        List<Double> archive = new java.util.ArrayList<>(Collections.nCopies(50, 0.0));
        archive.addAll(Collections.nCopies(10, Math.log(1.142)));

        assertThat(StepJudge.of(1.3, archive).stray()).isEqualTo(1.0 / 122);
    }

    @Test
    void withoutAnArchiveAVoteIsTakenToStrayOneTimeInTen() {
        StepJudge judge = StepJudge.of(1.69, List.of());

        assertThat(judge.stray()).isEqualTo(StepJudge.UNKNOWN_STRAY);
        assertThat(judge.lead()).isEqualTo(3);
    }

    @Test
    void aBadThatIsNotSlowerCannotBeBisected() {
        assertThatThrownBy(() -> StepJudge.of(0.98, QUIET)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BAD must be slower");
    }

    /** A round with GOOD at 1: the step and BAD at these ratios to it. */
    private static StepJudge.Round round(double step, double bad) {
        return new StepJudge.Round(1.0, step, bad);
    }
}
