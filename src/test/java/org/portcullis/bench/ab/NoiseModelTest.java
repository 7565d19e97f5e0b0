package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.bench.compare.BenchmarkUnit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoiseModelTest {
    private static final String USERS_ME = FakeForkRunner.USERS_ME;
    private static final String[] ENDPOINTS = {"usersMe", "sessionsList", "refresh", "updateMe", "health", "openapi",
        "introspect"};

    @TempDir
    Path archive;

    @Test
    void withoutAnArchiveEveryBenchmarkKeepsItsFamilyDefault() throws IOException {
        NoiseModel model = NoiseModel.of(NoiseArchive.load(archive.resolve("none")), name -> Placement.DUET, 12, 1);

        assertThat(model.boundary(USERS_ME).ratio(5)).isEqualTo(1.25);
        assertThat(model.describe()).startsWith("no A/A archive for this platform");
    }

    @Test
    void anArchiveOfFewerRunsThanTheMinimumLeavesTheFamilyDefaults() throws IOException {
        Random random = new Random(13);
        NoiseModel model = modelOfArchivedRuns(random, NoiseModel.MIN_RUNS - 1, 0.01);

        assertThat(model.boundary(USERS_ME).ratio(5)).isEqualTo(1.25);
        assertThat(model.describe()).contains("fewer than " + NoiseModel.MIN_RUNS);
    }

    @Test
    void boundariesFromTheArchiveKeepAWholeRunsFalseAlarmsNearOneInTwenty() throws IOException {
        // Ten archived A/A runs of seven endpoints, 5 % noise per fork: what the resampled boundaries then let
        // through is checked on 400 fresh A/A runs of the same noise, judged round by round as the gate does.
        Random random = new Random(11);
        NoiseModel model = modelOfArchivedRuns(random, 10, 0.05);

        int alarms = 0;
        for (int run = 0; run < 400; run++) {
            boolean alarm = false;
            for (String endpoint : ENDPOINTS) {
                alarm |= slowerSomewhere(model.boundary(benchmark(endpoint)), random, 0.05, 1.0);
            }
            alarms += alarm ? 1 : 0;
        }
        assertThat(alarms / 400.0).isLessThanOrEqualTo(0.09);
        assertThat(model.describe()).startsWith("boundaries resampled from 10 archived A/A runs");
        Boundary usersMe = model.boundary(USERS_ME);
        assertThat(usersMe.source()).contains("A/A archive, 50 pairs (duet)");
        assertThat(usersMe.ratio(3)).isGreaterThan(usersMe.ratio(9));
    }

    @Test
    void atTheArchivesNoiseAFifteenPercentSlowdownIsCalledSlowerMostOfTheTime() throws IOException {
        Random random = new Random(12);
        NoiseModel model = modelOfArchivedRuns(random, 10, 0.03);

        int caught = 0;
        for (int run = 0; run < 200; run++) {
            caught += slowerSomewhere(model.boundary(USERS_ME), random, 0.03, 1.15) ? 1 : 0;
        }
        assertThat(caught / 200.0).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theChanceOfCatchingASlowdownGrowsWithItsSizeAndWithThePairsARunEndsWith() throws IOException {
        Random random = new Random(12);
        NoiseModel model = modelOfArchivedRuns(random, 10, 0.03);

        // 3 % noise per fork: a 15 % slowdown stands out; 5 % needs the pairs.
        int[] pairs = {3, 12};
        double[] fifteen = model.power(USERS_ME, 1.15, pairs, 2000, 1).orElseThrow();
        double[] five = model.power(USERS_ME, 1.05, pairs, 2000, 1).orElseThrow();
        double[] two = model.power(USERS_ME, 1.02, pairs, 2000, 1).orElseThrow();
        assertThat(fifteen[1]).isGreaterThanOrEqualTo(0.9);
        assertThat(five[0]).isLessThan(five[1] - 0.2);
        assertThat(two[1]).isLessThan(five[1] - 0.2);
        // No change at all: what is left is the benchmark's share of the run's false alarms.
        assertThat(model.power(USERS_ME, 1.0, pairs, 2000, 1).orElseThrow()[1]).isLessThanOrEqualTo(0.05);
        assertThatThrownBy(() -> model.power(USERS_ME, 1.1, new int[]{AbGate.MIN_PAIRS - 1}, 100, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBenchmarkTheArchiveDoesNotCoverHasNoStatedChance() throws IOException {
        Random random = new Random(14);
        NoiseModel model = modelOfArchivedRuns(random, NoiseModel.MIN_RUNS, 0.03);

        assertThat(model.archived()).hasSize(ENDPOINTS.length).contains(USERS_ME);
        assertThat(model.power("org.portcullis.bench.PasswordBench.hash", 1.5, new int[]{12}, 100, 1)).isEmpty();
    }

    /** One benchmark judged after every pair up to the most, as the gate does: whether it was ever called slower. */
    private static boolean slowerSomewhere(Boundary boundary, Random random, double noise, double effect) {
        List<PairedRatio.Pair> pairs = new ArrayList<>();
        for (int n = 1; n <= AbGate.MAX_PAIRS; n++) {
            pairs.add(new PairedRatio.Pair(1.0, effect * Math.exp(random.nextGaussian() * noise)));
            AbVerdict verdict = Judgement.of(USERS_ME, BenchmarkUnit.MS_PER_OP, boundary, pairs).verdict();
            if (verdict != AbVerdict.UNDECIDED) {
                return verdict == AbVerdict.SLOWER;
            }
        }
        return false;
    }

    /** The model of an archive of {@code runs} A/A runs (duet) of the seven endpoints, {@code noise} per fork. */
    private NoiseModel modelOfArchivedRuns(Random random, int runs, double noise) throws IOException {
        for (int run = 0; run < runs; run++) {
            NoiseArchive.append(archive, "aa" + run, run, aaRun(random, 7, noise), duetEverywhere());
        }
        return NoiseModel.of(NoiseArchive.load(archive), name -> Placement.DUET, AbGate.MAX_PAIRS, 5);
    }

    private static Observations aaRun(Random random, int benchmarks, double noise) {
        Observations observations = new Observations();
        for (int round = 0; round < 5; round++) {
            Map<String, ForkOutcome.Sample> base = new java.util.HashMap<>();
            Map<String, ForkOutcome.Sample> head = new java.util.HashMap<>();
            for (int b = 0; b < benchmarks; b++) {
                base.put(benchmark(ENDPOINTS[b]), new ForkOutcome.Sample(Math.exp(random.nextGaussian() * noise), BenchmarkUnit.MS_PER_OP));
                head.put(benchmark(ENDPOINTS[b]), new ForkOutcome.Sample(Math.exp(random.nextGaussian() * noise), BenchmarkUnit.MS_PER_OP));
            }
            observations.add(new ForkOutcome(base, List.of()), new ForkOutcome(head, List.of()));
        }
        return observations;
    }

    private static Map<String, Placement> duetEverywhere() {
        Map<String, Placement> placements = new java.util.HashMap<>();
        for (String endpoint : ENDPOINTS) {
            placements.put(benchmark(endpoint), Placement.DUET);
        }
        return placements;
    }

    private static String benchmark(String endpoint) {
        return "org.portcullis.latency.EndpointLatencyTest." + endpoint;
    }
}
