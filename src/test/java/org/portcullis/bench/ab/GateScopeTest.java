package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateScopeTest {

    @Test
    void onlyABenchmarkRunsItsWholeWorkloadAndJudgesThatBenchmarkAlone() {
        GateScope usersMe = GateScope.only("EndpointLatencyTest.usersMe");

        assertThat(usersMe.workloads()).containsExactly(Workload.LATENCY);
        assertThat(usersMe.includes(FakeForkRunner.USERS_ME)).isTrue();
        assertThat(usersMe.includes("org.portcullis.latency.EndpointLatencyTest.sessionsList")).isFalse();
        assertThat(GateScope.only("EndpointLatencyTest.login").workloads()).containsExactly(Workload.BCRYPT_LATENCY);
        assertThat(GateScope.only(FakeForkRunner.HASH).workloads()).containsExactly(Workload.PASSWORD);
    }

    @Test
    void allRunsEveryWorkloadAndJudgesEverything() {
        assertThat(GateScope.all().workloads()).containsExactlyInAnyOrder(Workload.values());
        assertThat(GateScope.all().includes(FakeForkRunner.SIGN)).isTrue();
    }

    @Test
    void aNameThatIsNotClassDotMethodOrOfNoWorkloadIsAUsageError() {
        assertThatThrownBy(() -> GateScope.only("usersMe")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Class.method");
        assertThatThrownBy(() -> GateScope.only("RulerBench.sha256")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no A/B workload");
    }
}
