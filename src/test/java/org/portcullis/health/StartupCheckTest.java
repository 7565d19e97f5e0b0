package org.portcullis.health;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCheckTest {
    @Test
    void unhealthyNamingWhatItWaitsForUntilEveryConditionHeldOnce() {
        AtomicBoolean pool = new AtomicBoolean();
        AtomicBoolean feed = new AtomicBoolean();
        StartupCheck check = new StartupCheck();
        check.require("request pool", pool::get);
        check.require("caller-cache feed", feed::get);

        assertThat(check.execute().isHealthy()).isFalse();
        assertThat(check.execute().getMessage()).isEqualTo("waiting for caller-cache feed, request pool");
        pool.set(true);
        assertThat(check.execute().getMessage()).isEqualTo("waiting for caller-cache feed");
        feed.set(true);
        assertThat(check.execute().isHealthy()).isTrue();
    }

    @Test
    void staysHealthyWhenAConditionLaterFailsBecauseOnlyTheStartIsItsBusiness() {
        AtomicBoolean feed = new AtomicBoolean(true);
        StartupCheck check = new StartupCheck();
        check.require("caller-cache feed", feed::get);
        assertThat(check.execute().isHealthy()).isTrue();

        feed.set(false);

        assertThat(check.execute().isHealthy()).isTrue();
    }

    @Test
    void aConditionThatThrowsHasNotHeldYet() {
        StartupCheck check = new StartupCheck();
        check.require("request pool", () -> {
            throw new IllegalStateException("connection refused");
        });

        assertThat(check.execute().isHealthy()).isFalse();
    }
}
