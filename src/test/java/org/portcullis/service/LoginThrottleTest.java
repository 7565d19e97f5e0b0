package org.portcullis.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    @Test
    void locksStartAtTheFirstLockAndDoubleUpToTheMaximum() {
        LoginThrottle.Limits limits = new LoginThrottle.Limits(10, Duration.ofSeconds(60), Duration.ofMinutes(15),
                100, Duration.ofMinutes(15));

        assertThat(limits.lockAfter(0)).hasSeconds(60);
        assertThat(limits.lockAfter(1)).hasSeconds(120);
        assertThat(limits.lockAfter(2)).hasSeconds(240);
        assertThat(limits.lockAfter(3)).hasSeconds(480);
        assertThat(limits.lockAfter(4)).hasSeconds(900);
        assertThat(limits.lockAfter(60)).hasSeconds(900);
    }
}
