package org.portcullis.guard;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Timer;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.portcullis.config.LatencyBudget;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget check against a timer whose clock the test moves: no sleeps, no real traffic. */
class LatencyBudgetCheckTest {
    /** A clock that only moves when told to. */
    static final class ManualClock extends Clock {
        long nanos = 1_000_000_000L;

        @Override
        public long getTick() {
            return nanos;
        }

        void advance(long amount, TimeUnit unit) {
            nanos += unit.toNanos(amount);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Timer timer = new Timer(new SlidingHistogramReservoir(java.time.Duration.ofSeconds(10), clock), clock);
    private final EndpointBudget budget = new EndpointBudget("usersMe", timer,
            new LatencyBudget(Duration.milliseconds(20), Duration.milliseconds(50)), 20);
    private final LatencyBudgetCheck check = new LatencyBudgetCheck(budget, Duration.seconds(10));

    @Test
    void withoutTrafficTheBudgetIsInsufficientAndHealthy() {
        HealthCheck.Result result = check.execute();
        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).isEqualTo("usersMe: insufficient data, 0 requests in the last 10 seconds,"
                + " 20 needed to judge (budget mean 20.0 ms, p99 50.0 ms)");
        assertThat(budget.judge().state()).isEqualTo(BudgetState.INSUFFICIENT);
    }

    @Test
    void aSingleSlowRequestIsNotJudged() {
        record(1, 5_000);
        HealthCheck.Result result = check.execute();
        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).startsWith("usersMe: insufficient data, 1 requests in the last 10 seconds");
        assertThat(budget.judge().state()).isEqualTo(BudgetState.INSUFFICIENT);
    }

    @Test
    void nineteenSlowRequestsAreNotJudgedTheTwentiethIs() {
        record(19, 80);
        assertThat(budget.judge().state()).isEqualTo(BudgetState.INSUFFICIENT);
        record(1, 80);
        BudgetVerdict verdict = budget.judge();
        assertThat(verdict.state()).isEqualTo(BudgetState.OVER);
        assertThat(verdict.requests()).isEqualTo(20);
        assertThat(check.execute().isHealthy()).isFalse();
    }

    @Test
    void aVerdictCarriesTheWindowsFiguresAndTheBudget() {
        record(100, 5);
        BudgetVerdict verdict = budget.judge();
        assertThat(verdict.state()).isEqualTo(BudgetState.OK);
        assertThat(verdict.requests()).isEqualTo(100);
        assertThat(verdict.p50Nanos()).isCloseTo(5e6, org.assertj.core.api.Assertions.within(5e3));
        assertThat(verdict.p99BudgetNanos()).isEqualTo(50_000_000L);
        assertThat(verdict.meanBudgetNanos()).isEqualTo(20_000_000L);
    }

    @Test
    void trafficWithinBudgetIsHealthyAndReportsItsFigures() {
        record(100, 5);
        HealthCheck.Result result = check.execute();
        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).startsWith("usersMe: mean 5.0 ms, p99 5.0 ms over 100 requests");
    }

    @Test
    void aSlowTailTurnsItUnhealthyNamingTheFigureAndTheBudget() {
        record(90, 5);
        record(10, 80);
        HealthCheck.Result result = check.execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("usersMe over budget: p99 80.0 ms exceeds 50.0 ms");
    }

    @Test
    void aSlowMeanAloneTurnsItUnhealthy() {
        record(100, 30);
        assertThat(check.execute().getMessage()).startsWith("usersMe over budget: mean 30.0 ms exceeds 20.0 ms");
    }

    @Test
    void itRecoversOnceFastTrafficHasReplacedTheSpikeInTheWindow() {
        record(20, 200);
        assertThat(check.execute().isHealthy()).isFalse();

        clock.advance(11, TimeUnit.SECONDS);
        record(20, 3);

        HealthCheck.Result result = check.execute();
        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).contains("over 20 requests");
    }

    private void record(int requests, long millis) {
        for (int i = 0; i < requests; i++) {
            timer.update(millis, TimeUnit.MILLISECONDS);
        }
    }
}
