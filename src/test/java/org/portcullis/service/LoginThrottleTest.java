package org.portcullis.service;

import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.portcullis.config.LockoutSettings;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    @Test
    void locksStartAtTheFirstLockAndDoubleUpToTheMaximum() {
        LockoutSettings settings = new LockoutSettings();
        settings.setFirstLock(Duration.seconds(60));
        settings.setMaxLock(Duration.minutes(15));

        assertThat(LoginThrottle.lockDuration(settings, 0)).hasSeconds(60);
        assertThat(LoginThrottle.lockDuration(settings, 1)).hasSeconds(120);
        assertThat(LoginThrottle.lockDuration(settings, 2)).hasSeconds(240);
        assertThat(LoginThrottle.lockDuration(settings, 3)).hasSeconds(480);
        assertThat(LoginThrottle.lockDuration(settings, 4)).hasSeconds(900);
        assertThat(LoginThrottle.lockDuration(settings, 60)).hasSeconds(900);
    }
}
