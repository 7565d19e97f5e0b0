package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {

    @Test
    void theBcryptBoundLatencyTestsAreAWorkloadOfTheirOwn() {
        assertThat(Workload.of(FakeForkRunner.LOGIN)).isEqualTo(Workload.BCRYPT_LATENCY);
        assertThat(Workload.of("org.portcullis.latency.EndpointLatencyTest.register")).isEqualTo(Workload.BCRYPT_LATENCY);
        assertThat(Workload.of(FakeForkRunner.USERS_ME)).isEqualTo(Workload.LATENCY);
        assertThat(Workload.of(FakeForkRunner.HASH)).isEqualTo(Workload.PASSWORD);
    }

    @Test
    void theOtherLatencyTestsAreEveryTestButTheBcryptOnesSoANewTestIsMeasuredUnlisted() {
        assertThat(Workload.of("org.portcullis.latency.EndpointLatencyTest.someFutureEndpoint")).isEqualTo(Workload.LATENCY);
        assertThat(Workload.LATENCY.arguments("unused")).containsExactly("!login", "!register");
        assertThat(Workload.BCRYPT_LATENCY.arguments("unused")).containsExactly("login", "register");
    }

    @Test
    void aBenchmarkOfNoWorkloadIsRefused() {
        assertThatThrownBy(() -> Workload.of("org.portcullis.bench.RulerBench.sha256"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
