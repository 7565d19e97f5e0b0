package org.portcullis.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StartupGateTest {
    @Test
    void startReturnsOnlyOnceTheInstanceIsReady() {
        AtomicInteger asked = new AtomicInteger();
        StartupGate gate = new StartupGate(() -> asked.incrementAndGet() >= 3, Duration.ofMinutes(1));

        gate.start();

        assertThat(asked).hasValue(3);
    }

    @Test
    void startGivesUpAfterTheTimeoutSoThePortsOpenAndHealthCanSayWhy() {
        AtomicInteger asked = new AtomicInteger();
        StartupGate gate = new StartupGate(() -> {
            asked.incrementAndGet();
            return false;
        }, Duration.ZERO);

        gate.start();

        assertThat(asked.get()).isPositive();
    }
}
