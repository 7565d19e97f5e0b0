package org.portcullis.service;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * How many logins per second this node's bcrypt pool can serve now, how many it is asked for, and the
 * headroom between the two: the figures an autoscaler or an alert reads (README "Capacity gauges").
 *
 * <p>A login costs one bcrypt check, and bcrypt is what limits a node, so its capacity is the pool's threads
 * divided by the time one hash takes now: the mean of the hashes that finished in the last {@code window}
 * (wall time on a pool thread, so a CPU shared with other work shows as slower hashes and a lower capacity).
 * A quiet node keeps the time of its last hash; before any hash it has the one its {@link PasswordHasher}
 * made at start, at the configured cost on this machine (a cold JIT makes that one slower, so a node starts
 * by underrating itself rather than claiming capacity it may not have). The gauges are never NaN or
 * infinite: a scaling rule must not break on a node that has not served yet.
 *
 * <p>"Asked" counts every hash a caller wanted, refused ones included (the bulkhead's door and its queue):
 * a node that refuses half its logins is asked for twice what it serves, and its headroom goes negative.
 * Registrations and password changes count as well, since they take the same threads.
 *
 * <p>The window moves in {@value #SLICES} slices, so what is read covers between 11/12 and all of it;
 * totals per slice keep memory fixed whatever the traffic. A lock per hash costs nothing next to a hash.
 */
public final class BcryptCapacity {
    static final int SLICES = 12;

    private final int threads;
    private final long sliceNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final long[] sliceNumbers = new long[SLICES];
    private final long[] hashes = new long[SLICES];
    private final long[] hashNanos = new long[SLICES];
    private final long[] asked = new long[SLICES];
    /** The last hash's time, read when no hash finished in the window; guarded by this. */
    private long lastHashNanos;

    /**
     * @param threads       the bulkhead's threads: hashes that run at once
     * @param window        how far back "now" reaches
     * @param firstHashNanos the time of a hash made before any was counted (the hasher's start-up hash)
     * @param nanoTime      the clock, {@code System::nanoTime} outside tests
     */
    public BcryptCapacity(int threads, Duration window, long firstHashNanos, LongSupplier nanoTime) {
        this.threads = threads;
        this.sliceNanos = Math.max(1, window.toNanos() / SLICES);
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastHashNanos = Math.max(1, firstHashNanos);
        Arrays.fill(sliceNumbers, Long.MIN_VALUE);
    }

    /** Registers the three gauges under {@code portcullis.capacity.}; Prometheus turns the dots into underscores. */
    public void register(MetricRegistry metrics) {
        metrics.register("portcullis.capacity.logins-per-second", (Gauge<Double>) this::loginsPerSecond);
        metrics.register("portcullis.capacity.logins-asked-per-second", (Gauge<Double>) this::askedPerSecond);
        metrics.register("portcullis.capacity.login-headroom", (Gauge<Double>) this::headroom);
    }

    /** One hash finished on a pool thread after {@code nanos}. */
    synchronized void hashTook(long nanos) {
        int slot = slot(currentSlice());
        hashes[slot]++;
        hashNanos[slot] += nanos;
        lastHashNanos = Math.max(1, nanos);
    }

    /** A caller asked for a hash, whether or not it was let in. */
    synchronized void askedForHash() {
        asked[slot(currentSlice())]++;
    }

    /** Mean seconds per hash over the window, else the last hash's: what one login costs a thread now. */
    public synchronized double secondsPerHash() {
        long current = currentSlice();
        long count = 0;
        long sum = 0;
        for (int i = 0; i < SLICES; i++) {
            if (inWindow(i, current)) {
                count += hashes[i];
                sum += hashNanos[i];
            }
        }
        return (count == 0 ? lastHashNanos : Math.max(1, sum / count)) / 1e9;
    }

    /** Logins per second the pool serves with every thread busy: threads ÷ seconds per hash. */
    public double loginsPerSecond() {
        return threads / secondsPerHash();
    }

    /**
     * Hashes asked for per second over the window. Until the node has run a whole window the time it has run
     * is the divisor, but at least one slice, so the first login after a start does not read as a flood.
     */
    public synchronized double askedPerSecond() {
        long now = nanoTime.getAsLong() - startNanos;
        long current = now / sliceNanos;
        long count = 0;
        for (int i = 0; i < SLICES; i++) {
            if (inWindow(i, current)) {
                count += asked[i];
            }
        }
        long windowStart = Math.max(0, (current - SLICES + 1) * sliceNanos);
        return count / (Math.max(sliceNanos, now - windowStart) / 1e9);
    }

    /**
     * The share of the capacity left: 1 − asked ÷ capacity. 1 on an idle node, 0 at capacity, below 0 when
     * more is asked than the pool can serve (the excess is refused with 503).
     */
    public double headroom() {
        return 1 - askedPerSecond() / loginsPerSecond();
    }

    private long currentSlice() {
        return (nanoTime.getAsLong() - startNanos) / sliceNanos;
    }

    private boolean inWindow(int index, long current) {
        return sliceNumbers[index] > current - SLICES && sliceNumbers[index] <= current;
    }

    /** The slot of slice {@code number}, emptied first if it still holds an older slice. */
    private int slot(long number) {
        int index = (int) Math.floorMod(number, (long) SLICES);
        if (sliceNumbers[index] != number) {
            sliceNumbers[index] = number;
            hashes[index] = 0;
            hashNanos[index] = 0;
            asked[index] = 0;
        }
        return index;
    }
}
