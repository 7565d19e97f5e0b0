package org.portcullis.health;

import com.codahale.metrics.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The database check against probes the test scripts: failing, throwing an Error, hanging on a latch. */
class DatabaseCheckTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final AtomicInteger asked = new AtomicInteger();
    private DatabaseCheck check;

    @AfterEach
    void stop() {
        check.stop();
    }

    @Test
    void anAnsweringDatabaseIsHealthy() {
        check = new DatabaseCheck(asked::incrementAndGet, TIMEOUT);
        assertThat(check.execute().isHealthy()).isTrue();
        assertThat(asked).hasValue(1);
    }

    @Test
    void aFailingQueryIsUnhealthyNamingTheCause() {
        check = new DatabaseCheck(() -> {
            throw new SQLException("Connection refused");
        }, TIMEOUT);
        HealthCheck.Result result = check.execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).isEqualTo("SELECT 1 failed: java.sql.SQLException: Connection refused");
    }

    @Test
    void theCheckRecoversAfterAnErrorThrownInsideTheProbe() {
        check = new DatabaseCheck(() -> {
            if (asked.incrementAndGet() == 1) {
                throw new NoClassDefFoundError("org/h2/Driver");
            }
        }, TIMEOUT);

        HealthCheck.Result afterError = check.execute();
        assertThat(afterError.isHealthy()).isFalse();
        assertThat(afterError.getMessage()).contains("NoClassDefFoundError");

        assertThat(check.execute().isHealthy()).as("the next check asks again and sees the database").isTrue();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aHangingQueryIsDownWithinTheTimeoutAndIsNotAskedAgainWhileItHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        check = new DatabaseCheck(() -> {
            if (asked.incrementAndGet() == 1) {
                release.await();
            }
        }, TIMEOUT);

        HealthCheck.Result hanging = check.execute();
        assertThat(hanging.isHealthy()).isFalse();
        assertThat(hanging.getMessage()).isEqualTo("SELECT 1 did not answer within 200 ms");
        assertThat(check.execute().isHealthy()).isFalse();
        assertThat(asked).as("the second check waited on the hanging query").hasValue(1);

        release.countDown();
        assertThat(check.execute().isHealthy()).as("the released query's answer, or a fresh one's").isTrue();
        assertThat(check.execute().isHealthy()).isTrue();
    }
}
