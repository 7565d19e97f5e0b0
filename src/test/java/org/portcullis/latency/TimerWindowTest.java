package org.portcullis.latency;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import com.codahale.metrics.UniformSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimerWindowTest {
    @Test
    void theDifferenceKeepsDuplicatesThatAreNewAndDropsOnlyWhatWasThereBefore() {
        long[] before = {5, 7, 7, 9};
        long[] after = {9, 3, 7, 7, 7, 5, 12};
        assertThat(TimerWindow.difference(after, before)).containsExactly(3, 7, 12);
    }

    @Test
    void nothingNewGivesNothing() {
        assertThat(TimerWindow.difference(new long[]{1, 2}, new long[]{1, 2})).isEmpty();
    }

    @Test
    void aWarmUpValueRecordedAfterTheStartIsNotMistakenForTheNextRequest() {
        LaggingReservoir reservoir = new LaggingReservoir();
        Timer timer = new Timer(reservoir);
        TimerWindow window = new TimerWindow(timer);
        reservoir.holding = true;
        timer.update(Duration.ofMillis(10));  // the last warm-up request: counted, not yet in the reservoir
        window.start(1);
        reservoir.release();

        timer.update(Duration.ofMillis(20));
        assertThat(window.next()).as("two new values: which is the request's own cannot be told").isEmpty();
        timer.update(Duration.ofMillis(30));
        assertThat(window.next()).hasValue(Duration.ofMillis(30).toNanos());
    }

    /** A reservoir that can hold values back, as one that is handed a value just after the count moved. */
    private static final class LaggingReservoir implements Reservoir {
        private final List<Long> values = new ArrayList<>();
        private final List<Long> held = new ArrayList<>();
        boolean holding;

        void release() {
            holding = false;
            values.addAll(held);
            held.clear();
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public void update(long value) {
            (holding ? held : values).add(value);
        }

        @Override
        public Snapshot getSnapshot() {
            return new UniformSnapshot(values);
        }
    }
}
