package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepJudgeTest {
    /** 60 A/A pairs of users/me-like noise: none strays as far as 1.3× either way. */
    private static final List<Double> QUIET = DoubleStream.iterate(-0.2, log -> log + 0.4 / 59).limit(60).boxed().toList();

    @Test
    void theMidpointIsTheGeometricMiddleOfGoodAndBad() {
        assertThat(StepJudge.of(1.69, QUIET).midpoint()).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void whenNoArchivedPairStraysPastTheMiddleTwoVotesDecideAndNeverOne() {
        StepJudge judge = StepJudge.of(1.69, QUIET);

        assertThat(judge.stray()).isEqualTo(1.0 / 122);
        assertThat(judge.lead()).isEqualTo(2);
        assertThat(judge.judge(List.of(pair(1.7)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(pair(1.7), pair(1.55)))).isEqualTo(AbVerdict.SLOWER);
        assertThat(judge.judge(List.of(pair(0.95), pair(1.12)))).isEqualTo(AbVerdict.SAME);
    }

    @Test
    void oneOutlyingPairIsOneVoteAndIsOutvoted() {
        StepJudge judge = StepJudge.of(1.69, QUIET);

        // a fork-wide outlier at 0.47× inside a slower step: the mean of the logs would sit below the middle
        assertThat(judge.judge(List.of(pair(1.5), pair(0.47)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(pair(1.5), pair(0.47), pair(1.6), pair(1.45)))).isEqualTo(AbVerdict.SLOWER);
    }

    @Test
    void aSmallerBadRatioThatArchivedPairsOftenStrayPastNeedsALongerLead() {
        // BAD only 1.21× slower: the middle is 1.1×, and a quarter of the archive's pairs stray that far
        List<Double> noisy = new java.util.ArrayList<>(Collections.nCopies(45, 0.0));
        noisy.addAll(Collections.nCopies(15, Math.log(1.15)));
        StepJudge judge = StepJudge.of(1.21, noisy);

        assertThat(judge.stray()).isEqualTo(16.0 / 122);
        assertThat(judge.lead()).isEqualTo(3);
        assertThat(judge.judge(List.of(pair(1.2), pair(1.25)))).isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge.judge(List.of(pair(1.2), pair(1.25), pair(1.3)))).isEqualTo(AbVerdict.SLOWER);
    }

    @Test
    void withoutAnArchiveAPairIsTakenToStrayOneTimeInTen() {
        StepJudge judge = StepJudge.of(1.69, List.of());

        assertThat(judge.stray()).isEqualTo(StepJudge.UNKNOWN_STRAY);
        assertThat(judge.lead()).isEqualTo(3);
    }

    @Test
    void aBadThatIsNotSlowerCannotBeBisected() {
        assertThatThrownBy(() -> StepJudge.of(0.98, QUIET)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BAD must be slower");
    }

    private static PairedRatio.Pair pair(double ratio) {
        return new PairedRatio.Pair(1.0, ratio);
    }
}
