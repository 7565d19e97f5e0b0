package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ThresholdTest {

    @Test
    void bcryptBoundBenchmarksShareTheBcryptFamilyWhateverTheirClass() {
        assertThat(Threshold.defaultFor(FakeForkRunner.HASH).family()).isEqualTo("bcrypt");
        assertThat(Threshold.defaultFor(FakeForkRunner.LOGIN).family()).isEqualTo("bcrypt");
        assertThat(Threshold.defaultFor("org.portcullis.latency.EndpointLatencyTest.register").family())
                .isEqualTo("bcrypt");
        assertThat(Threshold.defaultFor(FakeForkRunner.SIGN).family()).isEqualTo("token");
        assertThat(Threshold.defaultFor(FakeForkRunner.USERS_ME).family()).isEqualTo("endpoint");
    }

    @Test
    void theNoiseBandIsHalfWayBetweenNoChangeAndTheThreshold() {
        assertThat(new Threshold("x", 1.30).noiseBand()).isCloseTo(1.15, within(1e-12));
    }

    @Test
    void failOverridesWithAPercentageWithOrWithoutAField() {
        assertThat(Threshold.override("30%").ratio()).isCloseTo(1.30, within(1e-12));
        assertThat(Threshold.override("mean:50%").ratio()).isCloseTo(1.50, within(1e-12));
        assertThat(Threshold.override("30%").family()).isEqualTo("FAIL=mean:30%");
    }

    @Test
    void anAbsoluteOrEmptyThresholdIsAUsageError() {
        assertThatThrownBy(() -> Threshold.override("mean:5ms")).isInstanceOf(UsageException.class)
                .hasMessageContaining("percentage");
        assertThatThrownBy(() -> Threshold.override("0%")).isInstanceOf(UsageException.class);
    }
}
