package org.portcullis.guard;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.db.StatementCount;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work counted per endpoint is the requests' own: the same on every run, and untouched by the statements
 * other threads run meanwhile. The latency gate fails a change of statements per request at once, so a
 * count that moved by itself would fail unchanged code.
 */
class RequestWorkTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url);

    private final Api api = new Api(APP.getLocalPort());
    private final MetricRegistry metrics = APP.getEnvironment().metrics();

    @Test
    void theSameRequestCountsTheSameStatementsOnEveryRun() {
        String token = api.newAccessToken();

        long[] first = usersMe(token, 40);
        long[] second = usersMe(token, 40);

        assertThat(first[0]).isPositive().isEqualTo(second[0]);
        assertThat(first[0] % 40).as("a whole number of statements per request").isZero();
        assertThat(first[1]).as("bytes allocated by 40 requests").isPositive();
    }

    @Test
    void theServingThreadsCpuTimeIsCountedAndNeverMoreThanTheRequestsTook() {
        String token = api.newAccessToken();
        long requests = counted("usersMe", RequestWork.REQUESTS);
        long cpu = counted("usersMe", RequestWork.CPU_NANOS);

        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            api.get("/api/v1/users/me", token).expect(200);
        }
        awaitRequests("usersMe", requests + 40);
        long took = System.nanoTime() - started;

        assertThat(counted("usersMe", RequestWork.CPU_NANOS) - cpu).isPositive().isLessThan(took);
    }

    @Test
    void statementsOnOtherThreadsDuringTheRequestsAreNotTheirs() {
        long statementsBefore = metrics.counter(StatementCount.METRIC).getCount();
        long healthBefore = counted("health", RequestWork.STATEMENTS);
        long requestsBefore = counted("health", RequestWork.REQUESTS);
        Api admin = new Api(APP.getAdminPort());

        for (int i = 0; i < 10; i++) {
            api.get("/health", null).expect(200);
            // runs the database check now: its SELECT 1 on the check's own thread
            admin.get("/healthcheck", null);
        }

        awaitRequests("health", requestsBefore + 10);
        assertThat(metrics.counter(StatementCount.METRIC).getCount() - statementsBefore).isGreaterThanOrEqualTo(10);
        assertThat(counted("health", RequestWork.STATEMENTS) - healthBefore).isZero();
    }

    /** Statements and bytes of {@code n} GET users/me, from the endpoint's counters. */
    private long[] usersMe(String token, int n) {
        long requests = counted("usersMe", RequestWork.REQUESTS);
        long statements = counted("usersMe", RequestWork.STATEMENTS);
        long bytes = counted("usersMe", RequestWork.ALLOCATED_BYTES);
        for (int i = 0; i < n; i++) {
            api.get("/api/v1/users/me", token).expect(200);
        }
        awaitRequests("usersMe", requests + n);
        return new long[] {counted("usersMe", RequestWork.STATEMENTS) - statements,
            counted("usersMe", RequestWork.ALLOCATED_BYTES) - bytes};
    }

    private long counted(String endpoint, String what) {
        return metrics.counter(RequestWork.metric(endpoint, what)).getCount();
    }

    /** The server counts a request just after writing its response, a moment after the client has it. */
    private void awaitRequests(String endpoint, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counted(endpoint, RequestWork.REQUESTS) < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(counted(endpoint, RequestWork.REQUESTS)).isEqualTo(expected);
    }
}
