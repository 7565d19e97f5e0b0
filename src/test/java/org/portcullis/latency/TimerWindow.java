package org.portcullis.latency;

import com.codahale.metrics.Timer;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads what one stretch of requests added to an endpoint timer. The timer's window also holds the
 * warm-up, so the requests of interest are the multiset difference of the window's values after and
 * before them: exactly the server's own measurements of those requests, nothing from a client stopwatch.
 */
final class TimerWindow {
    /** Jersey records the whole-request timer just after the response is written; this bounds the wait. */
    private static final long RECORDING_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Timer timer;
    private long[] before;
    private long countBefore;
    /** Whether {@link #before} was read at {@link #start} and no request has been attributed since. */
    private boolean justStarted;

    TimerWindow(Timer timer) {
        this.timer = timer;
    }

    /** Marks the start, once every request so far has been recorded. */
    void start(long expectedCount) {
        awaitCount(expectedCount);
        countBefore = timer.getCount();
        before = timer.getSnapshot().getValues();
        justStarted = true;
    }

    long count() {
        return timer.getCount();
    }

    /**
     * The one duration (ns) the next request added, once it is recorded; empty when it cannot be told
     * apart (below), and the caller sends another request instead. Reading the requests one by one keeps
     * them in the order they were sent, which a batch difference (sorted) would lose.
     *
     * <p>Metrics counts an update before it hands the value to the reservoir, so the count can be ahead of
     * the snapshot for a moment: the snapshot is read again until the value is there (a busy machine makes
     * that moment long enough to see). The same moment at {@link #start} leaves the last warm-up request
     * out of the first snapshot; the first request after it then shows two new values, and which one is
     * its own cannot be known: both are absorbed into the window and nothing is attributed (seen once in
     * a benchmark fork of the gate, which failed the fork).
     */
    OptionalLong next() {
        awaitCount(countBefore + 1);
        long deadline = System.nanoTime() + RECORDING_DEADLINE_NANOS;
        long[] after = timer.getSnapshot().getValues();
        long[] added = difference(after, before);
        while (added.length == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            after = timer.getSnapshot().getValues();
            added = difference(after, before);
        }
        boolean lateWarmUp = justStarted && added.length == 2;
        justStarted = false;
        if (added.length != 1 && !lateWarmUp) {
            throw new IllegalStateException("expected one new value in the timer's window, found " + added.length);
        }
        before = after;
        countBefore++;
        return lateWarmUp ? OptionalLong.empty() : OptionalLong.of(added[0]);
    }

    private void awaitCount(long expected) {
        long deadline = System.nanoTime() + RECORDING_DEADLINE_NANOS;
        while (timer.getCount() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** {@code after} minus {@code before} as multisets; both are sorted (Snapshot values are). */
    static long[] difference(long[] after, long[] before) {
        long[] a = after.clone();
        long[] b = before.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        long[] out = new long[a.length];
        int n = 0;
        int j = 0;
        for (long value : a) {
            while (j < b.length && b[j] < value) {
                j++;
            }
            if (j < b.length && b[j] == value) {
                j++;
            } else {
                out[n++] = value;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
