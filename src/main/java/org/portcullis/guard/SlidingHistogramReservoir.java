package org.portcullis.guard;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sample behind each endpoint's whole-request timer: the durations of the last {@code window}, kept as
 * counts in HdrHistogram buckets (three significant digits: 80.0 ms reads as 80.0 ms, not as one of a
 * hundred neighbours) rather than one entry per request. Metrics' own sliding-window reservoir kept every
 * sample, so its memory grew with traffic × window, and it took a lock on every request; here memory does
 * not grow with the request count, and recording is wait-free (HdrHistogram's {@link Recorder}).
 *
 * <p>Durations are kept from 1 µs to 1 minute; a longer one counts as 1 minute (no request here lasts that
 * long: the database and bcrypt waits end far sooner). The recorder is a fixed-range, non-packed
 * HdrHistogram on purpose: its packed, auto-resizing variant deadlocked under concurrent recording here
 * (threads parked in {@code ConcurrentPackedLongArray.resizeStorageArray} during a load test). The
 * recorder takes about 300 KiB per timer, allocated once; the slices are packed, and only touched under
 * the lock.
 *
 * <p>The window's sum is kept as it goes, in one plain histogram (about 150 KiB): what the recorder hands
 * over is added to its slice and to the sum, and a slice that leaves the window is subtracted once. A read
 * then copies one array instead of merging ten packed histograms index by index, which took milliseconds
 * per read here (a latency test reads after every request, and operators' scrapes read every timer).
 *
 * <p>The window moves in {@value #SLICES} slices: what is read covers the current slice and the nine before
 * it, so between 90 % and 100 % of the window. A slice is folded in from the recorder when the clock moves
 * past it, by whichever request or reader notices first.
 */
public final class SlidingHistogramReservoir implements Reservoir {
    static final int SLICES = 10;
    private static final int SIGNIFICANT_DIGITS = 3;
    static final long LOWEST_NANOS = 1_000;
    static final long HIGHEST_NANOS = 60_000_000_000L;

    private final Clock clock;
    private final long sliceNanos;
    private final Recorder recorder = new Recorder(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram[] slices = new Histogram[SLICES];
    /** The slice number each of {@link #slices} holds; guarded by {@link #lock}. */
    private final long[] sliceNumbers = new long[SLICES];
    /** The sum of every slice marked in {@link #summed}; guarded by {@link #lock}. */
    private final Histogram window = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    /** Which slices {@link #window} holds: those of the window, until they leave it; guarded by {@link #lock}. */
    private final boolean[] summed = new boolean[SLICES];
    private final ReentrantLock lock = new ReentrantLock();
    /** The slice the recorder's samples belong to; guarded by {@link #lock}. */
    private long current;
    /** Tick at which {@link #current} ends. */
    private volatile long currentEnd;
    /** The recorder's last interval histogram, handed back to it on the next rotation; guarded by {@link #lock}. */
    private Histogram interval;

    public SlidingHistogramReservoir(Duration window, Clock clock) {
        this.clock = clock;
        this.sliceNanos = Math.max(1, window.toNanos() / SLICES);
        for (int i = 0; i < SLICES; i++) {
            slices[i] = new PackedHistogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        }
        Arrays.fill(sliceNumbers, Long.MIN_VALUE);
        moveTo(clock.getTick() / sliceNanos);
    }

    @Override
    public int size() {
        lock.lock();
        try {
            rotate();
            return (int) Math.min(window.getTotalCount(), Integer.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void update(long value) {
        if (clock.getTick() >= currentEnd && lock.tryLock()) {
            // Another thread already rotating: this sample may land in the next slice, which is harmless.
            try {
                rotate();
            } finally {
                lock.unlock();
            }
        }
        recorder.recordValue(Math.min(Math.max(0, value), HIGHEST_NANOS));
    }

    @Override
    public Snapshot getSnapshot() {
        lock.lock();
        try {
            rotate();
            return new HistogramSnapshot(window.copy());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Folds what was recorded into the current slice and the window's sum, then moves to the slice of now if
     * time has moved on, taking the slices that fell out of the window out of the sum.
     */
    private void rotate() {
        interval = recorder.getIntervalHistogram(interval);
        slot(current).add(interval);
        window.add(interval);
        long now = clock.getTick() / sliceNanos;
        if (now != current) {
            moveTo(now);
            for (int i = 0; i < SLICES; i++) {
                if (summed[i] && !inWindow(i)) {
                    unsum(i);
                }
            }
        }
    }

    private void unsum(int index) {
        window.subtract(slices[index]);
        summed[index] = false;
    }

    /** True if slot {@code index} holds one of the window's slices: the current one or the nine before. */
    private boolean inWindow(int index) {
        return sliceNumbers[index] > current - SLICES && sliceNumbers[index] <= current;
    }

    private void moveTo(long slice) {
        current = slice;
        currentEnd = (slice + 1) * sliceNanos;
    }

    /** The histogram of slice {@code number}, emptied first if it still holds an older slice. */
    private Histogram slot(long number) {
        int index = (int) Math.floorMod(number, (long) SLICES);
        if (sliceNumbers[index] != number) {
            if (summed[index]) {
                unsum(index);
            }
            slices[index].reset();
            sliceNumbers[index] = number;
            summed[index] = true;
        }
        return slices[index];
    }

    /** A read-only view of the window's histogram in Metrics' terms; values in the timer's nanoseconds. */
    static final class HistogramSnapshot extends Snapshot {
        private final Histogram histogram;

        HistogramSnapshot(Histogram histogram) {
            this.histogram = histogram;
        }

        @Override
        public double getValue(double quantile) {
            if (histogram.getTotalCount() == 0) {
                return 0;
            }
            return histogram.getValueAtPercentile(quantile * 100);
        }

        @Override
        public long[] getValues() {
            long[] values = new long[size()];
            int n = 0;
            for (HistogramIterationValue bucket : histogram.recordedValues()) {
                long value = histogram.highestEquivalentValue(bucket.getValueIteratedTo());
                for (long i = 0; i < bucket.getCountAtValueIteratedTo() && n < values.length; i++) {
                    values[n++] = value;
                }
            }
            return values;
        }

        @Override
        public int size() {
            return (int) Math.min(histogram.getTotalCount(), Integer.MAX_VALUE);
        }

        @Override
        public long getMax() {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue();
        }

        @Override
        public double getMean() {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getMean();
        }

        @Override
        public long getMin() {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getMinValue();
        }

        @Override
        public double getStdDev() {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getStdDeviation();
        }

        @Override
        public void dump(OutputStream output) {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8))) {
                for (long value : getValues()) {
                    out.printf("%d%n", value);
                }
            }
        }
    }
}
