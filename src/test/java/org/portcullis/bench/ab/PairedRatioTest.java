package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedRatioTest {

    @Test
    void theRatioIsTheGeometricMeanOfThePairsAndTheIntervalStudentsTOnTheLogs() {
        // logs 0.09531, 0.18232, 0.13976: mean 0.13913, sd 0.04351, t(2, 97.5%) 4.3027
        PairedRatio ratio = PairedRatio.of(List.of(pair(100, 110), pair(200, 240), pair(10, 11.5)));

        assertThat(ratio.pairs()).isEqualTo(3);
        assertThat(ratio.ratio()).isCloseTo(1.1493, within(1e-4));
        assertThat(ratio.low()).isCloseTo(1.0315, within(1e-3));
        assertThat(ratio.high()).isCloseTo(1.2805, within(1e-3));
    }

    @Test
    void aMachineThatSlowsDownForOneRoundSlowsBothSidesOfItsPairAndCancels() {
        // round 2 ran on a busy machine: both sides 3× slower; the head is 10 % slower in every round
        PairedRatio ratio = PairedRatio.of(List.of(pair(100, 110), pair(300, 330), pair(100, 110)));

        assertThat(ratio.ratio()).isCloseTo(1.10, within(1e-9));
        assertThat(ratio.low()).isCloseTo(1.10, within(1e-9));
        assertThat(ratio.high()).isCloseTo(1.10, within(1e-9));
    }

    @Test
    void twiceAsSlowInOnePairAndTwiceAsFastInAnotherCancel() {
        assertThat(PairedRatio.of(List.of(pair(1, 2), pair(2, 1))).ratio()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void onePairHasNoIntervalSoItCanExcludeNothing() {
        PairedRatio ratio = PairedRatio.of(List.of(pair(1, 3)));

        assertThat(ratio.ratio()).isCloseTo(3, within(1e-12));
        assertThat(ratio.low()).isZero();
        assertThat(ratio.high()).isInfinite();
    }

    static PairedRatio.Pair pair(double base, double head) {
        return new PairedRatio.Pair(base, head);
    }
}
