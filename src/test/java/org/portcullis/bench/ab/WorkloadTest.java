package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {

    @Test
    void everyLatencyTestIsTheLatencyWorkloadTheBcryptBoundOnesIncluded() {
        assertThat(Workload.of(FakeForkRunner.LOGIN)).isEqualTo(Workload.LATENCY);
        assertThat(Workload.of("org.portcullis.latency.EndpointLatencyTest.register")).isEqualTo(Workload.LATENCY);
        assertThat(Workload.of(FakeForkRunner.USERS_ME)).isEqualTo(Workload.LATENCY);
        assertThat(Workload.of(FakeForkRunner.HASH)).isEqualTo(Workload.PASSWORD);
    }

    @Test
    void aLatencyForkRunsEveryTestSoANewTestIsMeasuredUnlisted() {
        assertThat(Workload.of("org.portcullis.latency.EndpointLatencyTest.someFutureEndpoint")).isEqualTo(Workload.LATENCY);
        assertThat(Workload.LATENCY.arguments("unused")).isEmpty();
    }

    @Test
    void aBenchmarkOfNoWorkloadIsRefused() {
        assertThatThrownBy(() -> Workload.of("org.portcullis.bench.RulerBench.sha256"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
