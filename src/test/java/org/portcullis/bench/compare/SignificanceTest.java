package org.portcullis.bench.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portcullis.bench.compare.ResultFixtures.avgt;
import static org.portcullis.bench.compare.ResultFixtures.result;
import static org.portcullis.bench.compare.ResultFixtures.samples;
import static org.portcullis.bench.compare.ResultFixtures.summary;
import static org.portcullis.bench.compare.ResultFixtures.times;

/** Welch's t-test on samples and the confidence-interval fallback of {@link Significance}. */
class SignificanceTest {

    private static final double[] TIGHT = samples(100, 0.02, 10, 7);

    @Test
    void tightSamplesWithDifferentMeansAreSignificant() {
        Significance.Evidence evidence = Significance.assess(
                result(avgt("A.b", "ms/op", TIGHT)), result(avgt("A.b", "ms/op", times(TIGHT, 1.2))));

        assertThat(evidence.significant()).isTrue();
        assertThat(evidence.detail()).startsWith("Welch p=");
    }

    @Test
    void noisyOverlappingSamplesAreNotSignificant() {
        Significance.Evidence evidence = Significance.assess(
                result(avgt("A.b", "ms/op", 10, 300, 50, 200)), result(avgt("A.b", "ms/op", 20, 500, 60, 250)));

        assertThat(evidence.significant()).isFalse();
    }

    @Test
    void identicalConstantSamplesAreNotSignificantButDistinctConstantsAre() {
        assertThat(Significance.assess(result(avgt("A.b", "ns/op", 5, 5, 5)), result(avgt("A.b", "ns/op", 5, 5)))
                .significant()).isFalse();
        assertThat(Significance.assess(result(avgt("A.b", "ns/op", 5, 5, 5)), result(avgt("A.b", "ns/op", 9, 9)))
                .significant()).isTrue();
    }

    @Test
    void withoutRawDataDisjointIntervalsAreSignificant() {
        Significance.Evidence evidence = Significance.assess(
                result(summary("A.b", "ms/op", 100, 5)), result(summary("A.b", "ms/op", 120, 5)));

        assertThat(evidence.significant()).isTrue();
        assertThat(evidence.detail()).isEqualTo("99.9% CIs disjoint");
    }

    @Test
    void withoutRawDataOverlappingIntervalsAreNoise() {
        assertThat(Significance.assess(result(summary("A.b", "ms/op", 100, 30)),
                result(summary("A.b", "ms/op", 150, 30))).significant()).isFalse();
    }

    @Test
    void oneSideWithSamplesUsesAnIntervalFromThem() {
        Significance.Evidence evidence = Significance.assess(
                result(summary("A.b", "ms/op", 100, 1)), result(avgt("A.b", "ms/op", 200, 201, 199, 200)));

        assertThat(evidence.significant()).isTrue();
        assertThat(evidence.detail()).isEqualTo("99.9% CIs disjoint");
    }

    @Test
    void noIntervalInformationCountsAsSignificant() {
        Significance.Evidence evidence = Significance.assess(
                result(summary("A.b", "ms/op", 100, Double.NaN)), result(summary("A.b", "ms/op", 101, Double.NaN)));

        assertThat(evidence.significant()).isTrue();
        assertThat(evidence.detail()).contains("assumed significant");
    }

    @Test
    void iterationsOfOneForkAreNotSamplesSoTwoSingleForksFallBackToTheirIntervals() {
        // one fork each, five tight iterations 4 % apart: Welch on iterations would call this significant
        BenchmarkResult before = ResultFixtures.parse(ResultFixtures.summary("A.b", "ms/op", 100, 6)).benchmarks().get(0);
        ObjectNode oneFork = ResultFixtures.summary("A.b", "ms/op", 104, 6);
        ((ObjectNode) oneFork.get("primaryMetric")).putArray("rawData").addArray().add(103.9).add(104).add(104.1);
        BenchmarkResult after = result(oneFork);

        Significance.Evidence evidence = Significance.assess(before, after);

        assertThat(after.samples()).get().extracting(StatisticalSummary::getN).isEqualTo(1L);
        assertThat(evidence.significant()).isFalse();
        assertThat(evidence.detail()).isEqualTo("99.9% CIs overlap");
    }

    @Test
    void aSingleShotForkIsSampledByItsMedianRequest() {
        ObjectNode latency = ResultFixtures.summary("L.usersMe", "ms/op", 2, 1);
        latency.put("mode", "ss");
        ArrayNode forks = ((ObjectNode) latency.get("primaryMetric")).putArray("rawData");
        forks.addArray().add(1.0).add(1.1).add(9.0);
        forks.addArray().add(1.2).add(1.3).add(1.25);

        assertThat(result(latency).samples()).get().extracting(StatisticalSummary::getMean).isEqualTo(1.175);
    }
}
