package org.portcullis.latency;

import org.junit.jupiter.api.Test;

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
}
