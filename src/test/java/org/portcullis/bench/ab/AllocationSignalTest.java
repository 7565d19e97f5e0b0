package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationSignalTest {
    private static final String USERS_ME = "org.portcullis.latency.EndpointLatencyTest.usersMe";
    private static final String REMEMBERED = "org.portcullis.bench.TokenBench.verifyRememberedAccessToken";

    @Test
    void theMedianForkOfEachSideIsCompared() {
        List<AllocationSignal> signals = AllocationSignal.of(
                Map.of(USERS_ME, List.of(bytes(48_000), bytes(90_000), bytes(47_000))),
                Map.of(USERS_ME, List.of(bytes(60_000), bytes(61_000), bytes(20_000))));

        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.base()).isEqualTo(48_000);
            assertThat(signal.head()).isEqualTo(60_000);
            assertThat(signal.flagged()).isTrue();
            assertThat(signal.line()).get().asString()
                    .startsWith("usersMe: 46.9 KB → 58.6 KB allocated per request (+25 %");
        });
    }

    @Test
    void aSmallShareOfALargeAllocationIsNotFlagged() {
        assertThat(new AllocationSignal(USERS_ME, 48_000, 50_000).flagged()).as("+4 %").isFalse();
    }

    @Test
    void aLargeShareOfATinyAllocationIsNotFlagged() {
        AllocationSignal signal = new AllocationSignal(REMEMBERED, 66, 400);

        assertThat(signal.flagged()).as("+500 %% but 334 B").isFalse();
        assertThat(signal.line()).isEmpty();
    }

    private static CountedWork bytes(double perOp) {
        return new CountedWork(OptionalDouble.empty(), OptionalDouble.of(perOp));
    }
}
