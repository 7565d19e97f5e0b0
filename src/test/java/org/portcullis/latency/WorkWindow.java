package org.portcullis.latency;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import org.portcullis.guard.RequestWork;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads what each of an endpoint's requests did on the server, counted rather than timed: SQL statements,
 * bytes allocated and the serving thread's CPU time, from the app's {@link RequestWork} counters, read after
 * every request (they are sent one at a time). The server counts a request just after it has written the response, so the client can be
 * ahead of the counters for a moment; each read first waits until they hold every request sent so far.
 *
 * <p>The figures are medians over the requests, not means: a write that comes once a minute (the session's
 * last-used time, touched at most every 60 s) would otherwise put 1/300 of a statement on users/me in a fork
 * that happened to run past the minute, and the count would depend on how busy the machine was. One more
 * read on every request moves the median by exactly one. The CPU time is data for campaigns, not judged by the
 * gate: it is ~95 % of a request's time and spread as much between forks (BENCHMARKS.md).
 */
final class WorkWindow {
    /** The same bound as {@link TimerWindow}'s: a request the server never counts fails the test, not hangs it. */
    private static final long RECORDING_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Counter requests;
    private final Counter statements;
    private final Counter bytes;
    private final Counter cpu;
    private long requestsSoFar;
    private long statementsSoFar;
    private long bytesSoFar;
    private long cpuSoFar;
    private long[] statementsOf = new long[0];
    private long[] bytesOf = new long[0];
    private long[] cpuOf = new long[0];
    private int measured;

    WorkWindow(MetricRegistry metrics, String endpoint) {
        this.requests = metrics.counter(RequestWork.metric(endpoint, RequestWork.REQUESTS));
        this.statements = metrics.counter(RequestWork.metric(endpoint, RequestWork.STATEMENTS));
        this.bytes = metrics.counter(RequestWork.metric(endpoint, RequestWork.ALLOCATED_BYTES));
        this.cpu = metrics.counter(RequestWork.metric(endpoint, RequestWork.CPU_NANOS));
    }

    long count() {
        return requests.getCount();
    }

    /** Marks the start, once the server has counted {@code expectedRequests} requests in all. */
    void start(long expectedRequests, int capacity) {
        requestsSoFar = await(expectedRequests);
        statementsSoFar = statements.getCount();
        bytesSoFar = bytes.getCount();
        cpuSoFar = cpu.getCount();
        statementsOf = new long[capacity];
        bytesOf = new long[capacity];
        cpuOf = new long[capacity];
        measured = 0;
    }

    /** Records the work of the one request sent since the last call, once the server has counted it. */
    void next() {
        requestsSoFar = await(requestsSoFar + 1);
        long statementsNow = statements.getCount();
        long bytesNow = bytes.getCount();
        long cpuNow = cpu.getCount();
        if (measured == statementsOf.length) {
            statementsOf = Arrays.copyOf(statementsOf, measured * 2 + 1);
            bytesOf = Arrays.copyOf(bytesOf, measured * 2 + 1);
            cpuOf = Arrays.copyOf(cpuOf, measured * 2 + 1);
        }
        statementsOf[measured] = statementsNow - statementsSoFar;
        bytesOf[measured] = bytesNow - bytesSoFar;
        cpuOf[measured++] = cpuNow - cpuSoFar;
        statementsSoFar = statementsNow;
        bytesSoFar = bytesNow;
        cpuSoFar = cpuNow;
    }

    /** The median request's work since {@link #start}. */
    PerRequest perRequest() {
        if (measured == 0) {
            throw new IllegalStateException("no request counted since the start");
        }
        return new PerRequest(measured, median(statementsOf, measured), median(bytesOf, measured),
                OptionalDouble.of(median(cpuOf, measured)));
    }

    private static double median(long[] values, int n) {
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
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
     * @param statements SQL statements of the median request
     * @param bytes      bytes allocated on the serving thread by the median request
     * @param cpuNanos   the serving thread's CPU time of the median request, in nanoseconds; empty for an
     *                   endpoint that hands its main work to another thread (bcrypt on the bulkhead's pool),
     *                   where the serving thread's share would stand for the wrong thing
     */
    record PerRequest(long requests, double statements, double bytes, OptionalDouble cpuNanos) {

        /** The same figures without the CPU time. */
        PerRequest withoutCpu() {
            return new PerRequest(requests, statements, bytes, OptionalDouble.empty());
        }
    }
}
