package org.portcullis.latency;

import com.codahale.metrics.Timer;

import java.util.Arrays;
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

    TimerWindow(Timer timer) {
        this.timer = timer;
    }

    /** Marks the start, once every request so far has been recorded. */
    void start(long expectedCount) {
        awaitCount(expectedCount);
        countBefore = timer.getCount();
        before = timer.getSnapshot().getValues();
    }

    long count() {
        return timer.getCount();
    }

    /**
     * The one duration (ns) the next request added, once it is recorded. Reading the requests one by one
     * keeps them in the order they were sent, which a batch difference (sorted) would lose.
     *
     * <p>Metrics counts an update before it hands the value to the reservoir, so the count can be ahead of
     * the snapshot for a moment: the snapshot is read again until the value is there (a busy machine makes
     * that moment long enough to see).
     */
    long next() {
        awaitCount(countBefore + 1);
        long deadline = System.nanoTime() + RECORDING_DEADLINE_NANOS;
        long[] after = timer.getSnapshot().getValues();
        long[] added = difference(after, before);
        while (added.length == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            after = timer.getSnapshot().getValues();
            added = difference(after, before);
        }
        if (added.length != 1) {
            throw new IllegalStateException("expected one new value in the timer's window, found " + added.length);
        }
        before = after;
        countBefore++;
        return added[0];
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
