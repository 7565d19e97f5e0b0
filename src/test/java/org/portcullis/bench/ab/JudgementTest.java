package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.BenchmarkUnit;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JudgementTest {
    private static final Boundary ENDPOINT = Boundary.constant("endpoint", "test", 1.10);

    @Test
    void fewerThanThreePairsDecideNothing() {
        assertThat(judge(1.5, 1.6).verdict()).isEqualTo(AbVerdict.UNDECIDED);
    }

    @Test
    void aMedianOverTheBoundaryWithEveryPairSlowerIsSlowerFromThreePairsOn() {
        assertThat(judge(1.30, 1.25, 1.35).verdict()).isEqualTo(AbVerdict.SLOWER);
    }

    @Test
    void aMedianOverTheBoundaryWhoseIntervalReachesBelowOneIsNotSlower() {
        assertThat(judge(1.30, 0.95, 1.35).verdict()).isEqualTo(AbVerdict.UNDECIDED);
    }

    @Test
    void sameNeedsTheWholeIntervalUnderTheBoundaryAndAtLeastFivePairs() {
        assertThat(judge(1.01, 0.99, 1.02).verdict()).as("three pairs: a 75 % range").isEqualTo(AbVerdict.UNDECIDED);
        assertThat(judge(1.01, 0.99, 1.02, 0.98, 1.03).verdict()).isEqualTo(AbVerdict.SAME);
        assertThat(judge(1.01, 0.99, 1.02, 0.98, 1.12).verdict()).as("one pair over the boundary")
                .isEqualTo(AbVerdict.UNDECIDED);
    }

    @Test
    void withNinePairsOneWildPairAtEachEndNoLongerDecides() {
        assertThat(judge(1.01, 0.99, 1.02, 0.98, 1.03, 1.00, 1.01, 0.70, 1.40).verdict()).isEqualTo(AbVerdict.SAME);
    }

    @Test
    void theBoundaryFollowsTheNumberOfPairs() {
        Boundary falling = new Boundary("endpoint", "test", new double[] {1.30, 1.20, 1.10});
        assertThat(Judgement.of("x.A.b", BenchmarkUnit.MS_PER_OP, falling, pairs(1.15, 1.16, 1.17)).verdict())
                .isEqualTo(AbVerdict.UNDECIDED);
        assertThat(Judgement.of("x.A.b", BenchmarkUnit.MS_PER_OP, falling, pairs(1.15, 1.16, 1.17, 1.15, 1.16)).verdict())
                .isEqualTo(AbVerdict.SLOWER);
        assertThat(falling.ratio(40)).isEqualTo(1.10);
    }

    @Test
    void theDetectableEffectGrowsWithTheRunsOwnSpread() {
        Judgement quiet = judge(1.00, 1.01, 0.99, 1.00, 1.01, 0.99, 1.00);
        Judgement noisy = judge(1.00, 1.10, 0.90, 1.00, 1.12, 0.88, 1.00);
        assertThat(quiet.detectable()).isGreaterThan(1.10).isLessThan(1.12);
        assertThat(noisy.detectable()).isGreaterThan(quiet.detectable() + 0.05);
    }

    private static Judgement judge(double... ratios) {
        return Judgement.of("org.portcullis.latency.EndpointLatencyTest.usersMe", BenchmarkUnit.MS_PER_OP, ENDPOINT,
                pairs(ratios));
    }

    private static List<PairedRatio.Pair> pairs(double... ratios) {
        List<PairedRatio.Pair> pairs = new ArrayList<>();
        for (double ratio : ratios) {
            pairs.add(new PairedRatio.Pair(1.0, ratio));
        }
        return pairs;
    }
}
