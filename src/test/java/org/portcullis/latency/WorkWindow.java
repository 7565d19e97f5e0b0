package org.portcullis.latency;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import org.portcullis.guard.RequestWork;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads what one stretch of an endpoint's requests did on the server, counted rather than timed: SQL
 * statements and bytes allocated per request, from the app's {@link RequestWork} counters. The server
 * counts a request just after it has written the response, so the client can be ahead of the counters for
 * a moment; each read first waits until they hold every request sent so far.
 */
final class WorkWindow {
    /** The same bound as {@link TimerWindow}'s: a request the server never counts fails the test, not hangs it. */
    private static final long RECORDING_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Counter requests;
    private final Counter statements;
    private final Counter bytes;
    private long requestsBefore;
    private long statementsBefore;
    private long bytesBefore;

    WorkWindow(MetricRegistry metrics, String endpoint) {
        this.requests = metrics.counter(RequestWork.metric(endpoint, RequestWork.REQUESTS));
        this.statements = metrics.counter(RequestWork.metric(endpoint, RequestWork.STATEMENTS));
        this.bytes = metrics.counter(RequestWork.metric(endpoint, RequestWork.ALLOCATED_BYTES));
    }

    long count() {
        return requests.getCount();
    }

    /** Marks the start, once the server has counted {@code expectedRequests} requests in all. */
    void start(long expectedRequests) {
        requestsBefore = await(expectedRequests);
        statementsBefore = statements.getCount();
        bytesBefore = bytes.getCount();
    }

    /** The work per request since {@link #start}, once the server has counted {@code expectedRequests} in all. */
    PerRequest perRequest(long expectedRequests) {
        long counted = await(expectedRequests) - requestsBefore;
        if (counted <= 0) {
            throw new IllegalStateException("no request counted since the start");
        }
        return new PerRequest(counted, (double) (statements.getCount() - statementsBefore) / counted,
                (double) (bytes.getCount() - bytesBefore) / counted);
    }

    private long await(long expected) {
        long deadline = System.nanoTime() + RECORDING_DEADLINE_NANOS;
        while (requests.getCount() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        long now = requests.getCount();
        if (now != expected) {
            throw new IllegalStateException("the server counted " + now + " requests of this endpoint, expected "
                    + expected);
        }
        return now;
    }

    /**
     * @param requests   how many requests the figures are over
     * @param statements SQL statements per request (a whole number unless requests differ)
     * @param bytes      bytes allocated per request on the serving thread
     */
    record PerRequest(long requests, double statements, double bytes) {
    }
}
