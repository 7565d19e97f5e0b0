package org.portcullis.latency;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyResultTest {

    @Test
    void theJmhFormSaysSingleShotWithTheRequestCountsAndKeepsTheRequestsInTheOrderSent() {
        Map<String, Object> jmh = LatencyResult.of("usersMe", 300, new long[] {3_000_000, 1_000_000, 2_000_000}).toJmh();

        assertThat(jmh).containsEntry("mode", "ss").containsEntry("forks", 1).containsEntry("warmupIterations", 300)
                .containsEntry("measurementIterations", 3)
                .containsEntry("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        @SuppressWarnings("unchecked")
        Map<String, Object> metric = (Map<String, Object>) jmh.get("primaryMetric");
        assertThat(metric.get("rawData")).isEqualTo(List.of(List.of(3.0, 1.0, 2.0)));
        assertThat(metric.get("scoreError")).isInstanceOf(Double.class);
    }

    @Test
    void oneRequestHasNoErrorAndSaysSoByLeavingItOutInsteadOfWritingNaN() {
        Map<String, Object> jmh = LatencyResult.of("login", 2, new long[] {270_000_000}).toJmh();

        @SuppressWarnings("unchecked")
        Map<String, Object> metric = (Map<String, Object>) jmh.get("primaryMetric");
        assertThat(metric).doesNotContainKeys("scoreError", "scoreConfidence").containsEntry("score", 270.0);
    }

    @Test
    void theCountedWorkGoesOutAsJmhSecondaryMetricsPerRequest() {
        Map<String, Object> jmh = LatencyResult.of("usersMe", 300, new long[] {1_000_000, 2_000_000})
                .withWork(new WorkWindow.PerRequest(2, 1.0, 48_000.5, OptionalDouble.of(310_000))).toJmh();

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> secondary = (Map<String, Map<String, Object>>) jmh.get("secondaryMetrics");
        assertThat(secondary.get("sql.statements.norm")).containsEntry("score", 1.0)
                .containsEntry("scoreUnit", "statements/op");
        assertThat(secondary.get("gc.alloc.rate.norm")).containsEntry("score", 48_000.5).containsEntry("scoreUnit", "B/op");
        assertThat(secondary.get("cpu.time.norm")).containsEntry("score", 310_000.0).containsEntry("scoreUnit", "ns/op");
    }

    @Test
    void anEndpointWhoseWorkRunsElsewhereHasNoCpuTime() {
        Map<String, Object> jmh = LatencyResult.of("login", 1, new long[] {300_000_000})
                .withWork(new WorkWindow.PerRequest(1, 4.0, 90_000, OptionalDouble.of(2_000_000)).withoutCpu()).toJmh();

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> secondary = (Map<String, Map<String, Object>>) jmh.get("secondaryMetrics");
        assertThat(secondary).containsKeys("sql.statements.norm", "gc.alloc.rate.norm").doesNotContainKey("cpu.time.norm");
    }
}
