package org.portcullis.bench.history;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series shaped as BENCHMARKS.md's A/A runs scatter: an endpoint's run-to-run ratios ±8 % (σ = 4 % on the
 * logs, normal), bcrypt's ±1 % (σ = 0.5 %). Each case is drawn for 20 seeds, so a rule that works for one
 * lucky draw does not pass.
 */
class StepDetectorTest {
    private static final double ENDPOINT_SIGMA = 0.04;
    private static final double BCRYPT_SIGMA = 0.005;
    private static final int SEEDS = 20;

    @Test
    void tenMergesOfThreePercentEachInEndpointNoiseAreFlaggedAsOneSlowerStep() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            List<Double> series = noisy(creep(10, 10, 10), ENDPOINT_SIGMA, seed);

            StepDetector.Step step = StepDetector.strongest(series).orElseThrow();

            assertThat(step.slower()).as("seed %d: %s", seed, step).isTrue();
            assertThat(step.at()).as("seed %d", seed).isBetween(10, 20);
            assertThat(step.shift()).as("seed %d", seed).isGreaterThan(1.15);
        }
    }

    @Test
    void tenMergesOfThreePercentEachInBcryptNoiseAreFlagged() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            assertThat(StepDetector.strongest(noisy(creep(10, 10, 10), BCRYPT_SIGMA, seed)).orElseThrow().slower())
                    .as("seed %d", seed).isTrue();
        }
    }

    @Test
    void aCreepStillUnderWayIsFlaggedNearlyAlwaysInEndpointNoise() {
        // The tenth merge was last night: no flat stretch after the creep yet, so the after median is lower;
        // the simulation behind Z put this at ~96 % (with 5 % outlying nights), so 18 of 20 are asked for.
        int flagged = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            flagged += StepDetector.strongest(noisy(creep(10, 10, 0), ENDPOINT_SIGMA, seed)).orElseThrow().slower() ? 1 : 0;
        }
        assertThat(flagged).isGreaterThanOrEqualTo(18);
    }

    @Test
    void aFlatNoisySeriesIsNotFlagged() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            for (int runs : new int[] {8, 15, 30, 60}) {
                List<Double> series = noisy(creep(runs, 0, 0), ENDPOINT_SIGMA, seed);
                assertThat(StepDetector.strongest(series).orElseThrow().slower()).as("seed %d, %d runs", seed, runs).isFalse();
            }
        }
    }

    @Test
    void oneSlowNightOnABusyRunnerIsNotAStep() {
        List<Double> series = new ArrayList<>(noisy(creep(30, 0, 0), ENDPOINT_SIGMA, 7));
        series.set(20, 1.6);
        series.set(21, 1.4);

        assertThat(StepDetector.strongest(series).orElseThrow().slower()).isFalse();
    }

    @Test
    void aStepFasterIsReportedAsFasterNotSlower() {
        List<Double> series = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            series.add(i < 10 ? 1.0 : 0.7);
        }
        StepDetector.Step step = StepDetector.strongest(noisy(series, ENDPOINT_SIGMA, 3)).orElseThrow();

        assertThat(step.faster()).isTrue();
        assertThat(step.slower()).isFalse();
    }

    @Test
    void aSmallButClearStepOfASteadyBenchmarkIsBelowTheFivePercentFloor() {
        List<Double> series = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            series.add(i < 10 ? 1.0 : 1.02);
        }
        StepDetector.Step step = StepDetector.strongest(noisy(series, BCRYPT_SIGMA, 5)).orElseThrow();

        assertThat(step.z()).isGreaterThan(StepDetector.Z);
        assertThat(step.slower()).isFalse();
    }

    @Test
    void fewerRunsThanTwoSegmentsAreNotJudged() {
        assertThat(StepDetector.strongest(List.of(1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0))).isEmpty();
    }

    /** {@code flat} runs at 1×, then one +3 % merge per run for {@code merges} runs, then {@code after} runs at the end level. */
    static List<Double> creep(int flat, int merges, int after) {
        List<Double> ratios = new ArrayList<>();
        double level = 1.0;
        for (int i = 0; i < flat; i++) {
            ratios.add(level);
        }
        for (int i = 0; i < merges; i++) {
            level *= 1.03;
            ratios.add(level);
        }
        for (int i = 0; i < after; i++) {
            ratios.add(level);
        }
        return ratios;
    }

    static List<Double> noisy(List<Double> ratios, double sigma, long seed) {
        Random random = new Random(seed);
        return ratios.stream().map(ratio -> ratio * Math.exp(sigma * random.nextGaussian())).toList();
    }
}
