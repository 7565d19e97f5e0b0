package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedRatioTest {

    @Test
    void theRatioIsTheMedianPairAndFivePairsGiveTheirRangeAtNinetyThreePointSevenFivePercent() {
        PairedRatio ratio = PairedRatio.of(List.of(pair(100, 110), pair(200, 240), pair(10, 11.5),
                pair(50, 52), pair(20, 25)));

        assertThat(ratio.pairs()).isEqualTo(5);
        assertThat(ratio.ratio()).isCloseTo(1.15, within(1e-9));
        assertThat(ratio.low()).isCloseTo(1.04, within(1e-9));
        assertThat(ratio.high()).isCloseTo(1.25, within(1e-9));
        assertThat(ratio.coverage()).isCloseTo(0.9375, within(1e-12));
    }

    /**
     * The pairs of a run that let a ~1.5× slower users/me through: every pair over the 1.25× threshold, one
     * head fork wild (1.27 ms). Student's t on the logs gave [1.066×, 2.930×], under the 1.125× noise band.
     */
    @Test
    void oneWildForkInTheRegressionsDirectionDoesNotWidenTheIntervalBelowTheOtherPairs() {
        PairedRatio ratio = PairedRatio.of(List.of(pair(0.46, 0.58), pair(0.33, 0.51), pair(0.42, 0.56),
                pair(0.29, 0.53), pair(0.36, 1.27)));

        assertThat(ratio.ratio()).isCloseTo(0.51 / 0.33, within(1e-9));
        assertThat(ratio.low()).isCloseTo(0.58 / 0.46, within(1e-9)).isGreaterThan(1.125);
    }

    @Test
    void withNinePairsTheExtremePairsDropOutOfTheInterval() {
        PairedRatio ratio = PairedRatio.of(List.of(pair(1, 0.5), pair(1, 1.01), pair(1, 1.02), pair(1, 1.03),
                pair(1, 1.04), pair(1, 1.05), pair(1, 1.06), pair(1, 1.07), pair(1, 9)));

        assertThat(ratio.ratio()).isCloseTo(1.04, within(1e-9));
        assertThat(ratio.low()).isCloseTo(1.01, within(1e-9));
        assertThat(ratio.high()).isCloseTo(1.07, within(1e-9));
        assertThat(ratio.coverage()).isCloseTo(1 - 2 * 10 / 512.0, within(1e-12));
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

    @Test
    void ninePairsAreTheFewestWhoseIntervalLeavesOutOneOutlierAtEachEnd() {
        assertThat(PairedRatio.coverage(PairedRatio.PAIRS_PAST_ONE_OUTLIER, 2)).isGreaterThanOrEqualTo(PairedRatio.CONFIDENCE);
        assertThat(PairedRatio.coverage(PairedRatio.PAIRS_PAST_ONE_OUTLIER - 1, 2)).isLessThan(PairedRatio.CONFIDENCE);
    }
}
