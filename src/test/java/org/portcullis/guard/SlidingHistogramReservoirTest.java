package org.portcullis.guard;

import com.codahale.metrics.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SlidingHistogramReservoirTest {
    private final LatencyBudgetCheckTest.ManualClock clock = new LatencyBudgetCheckTest.ManualClock();
    private final SlidingHistogramReservoir reservoir = new SlidingHistogramReservoir(Duration.ofSeconds(10), clock);

    @Test
    void anEmptyWindowReadsAsZeros() {
        Snapshot snapshot = reservoir.getSnapshot();
        assertThat(snapshot.size()).isZero();
        assertThat(snapshot.getMean()).isZero();
        assertThat(snapshot.get99thPercentile()).isZero();
        assertThat(snapshot.getValues()).isEmpty();
    }

    @Test
    void quantilesMeanAndValuesKeepThreeSignificantDigits() {
        record(900, 5);
        record(100, 80);
        Snapshot snapshot = reservoir.getSnapshot();

        assertThat(snapshot.size()).isEqualTo(1000);
        assertThat(snapshot.getMedian()).isCloseTo(ms(5), within(ms(5) / 1000));
        assertThat(snapshot.get99thPercentile()).isCloseTo(ms(80), within(ms(80) / 1000));
        assertThat(snapshot.getMean()).isCloseTo(ms(0.9 * 5 + 0.1 * 80), within(ms(12.5) / 1000));
        assertThat(snapshot.getMax()).isCloseTo(TimeUnit.MILLISECONDS.toNanos(80), within(TimeUnit.MILLISECONDS.toNanos(80) / 1000));
        assertThat(snapshot.getValues()).hasSize(1000).isSorted();
    }

    @Test
    void samplesLeaveTheWindowOnceItHasMovedPastThem() {
        record(10, 200);
        clock.advance(5, TimeUnit.SECONDS);
        record(10, 3);
        assertThat(reservoir.getSnapshot().size()).as("both within 10 s").isEqualTo(20);

        clock.advance(6, TimeUnit.SECONDS);
        Snapshot snapshot = reservoir.getSnapshot();
        assertThat(snapshot.size()).as("the first ten are 11 s old").isEqualTo(10);
        assertThat(snapshot.getMax()).isLessThan(TimeUnit.MILLISECONDS.toNanos(4));

        clock.advance(20, TimeUnit.SECONDS);
        assertThat(reservoir.getSnapshot().size()).isZero();
    }

    @Test
    void samplesRecordedBeforeALongSilenceCountForTheirOwnTime() {
        record(5, 200);
        clock.advance(30, TimeUnit.SECONDS);
        record(1, 3);
        assertThat(reservoir.getSnapshot().size()).isEqualTo(1);
    }

    /**
     * The window's sum is kept as it goes (added on the way in, subtracted when a slice leaves): whether it is
     * read after every second or only now and then (several slices leaving at once, their slots reused), a
     * read holds exactly the last ten seconds' samples.
     */
    @ParameterizedTest(name = "read every {0} s")
    @ValueSource(ints = {1, 7, 23})
    void aReadHoldsExactlyTheSlicesStillInTheWindow(int readEvery) {
        for (int second = 0; second < 60; second++) {
            reservoir.update(TimeUnit.MILLISECONDS.toNanos(second + 1));
            if (second % readEvery == 0) {
                long[] millis = Arrays.stream(reservoir.getSnapshot().getValues())
                        .map(nanos -> Math.round(nanos / 1e6)).toArray();
                long[] expected = LongStream.rangeClosed(Math.max(1, second - 8), second + 1).toArray();
                assertThat(millis).as("second %d", second).containsExactly(expected);
                assertThat(reservoir.size()).isEqualTo(expected.length);
            }
            clock.advance(1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDurationBeyondAMinuteCountsAsAMinute() {
        reservoir.update(TimeUnit.HOURS.toNanos(2));
        assertThat(reservoir.getSnapshot().getMax()).isCloseTo(TimeUnit.MINUTES.toNanos(1), within(TimeUnit.MINUTES.toNanos(1) / 1000));
    }

    @Test
    void concurrentRecordingLosesNothing() {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(CompletableFuture.runAsync(() -> record(25_000, 2)));
        }
        writers.forEach(CompletableFuture::join);
        assertThat(reservoir.getSnapshot().size()).isEqualTo(100_000);
    }

    private void record(int requests, long millis) {
        for (int i = 0; i < requests; i++) {
            reservoir.update(TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    private static double ms(double millis) {
        return millis * 1_000_000;
    }
}
