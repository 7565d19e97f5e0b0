package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCountsTest {
    private static final String USERS_ME = "org.portcullis.latency.EndpointLatencyTest.usersMe";

    @Test
    void oneMoreStatementPerRequestFailsAndSaysSoInWords() {
        StatementCounts counts = new StatementCounts(USERS_ME, List.of(1.0, 1.0, 1.0), List.of(2.0, 2.0, 2.0));

        assertThat(counts.fails()).isTrue();
        assertThat(counts.line()).contains("usersMe: 1 → 2 SQL statements per request");
    }

    @Test
    void fewerStatementsAreReportedAndPass() {
        StatementCounts counts = new StatementCounts(USERS_ME, List.of(2.0, 2.0), List.of(1.0, 1.0));

        assertThat(counts.fails()).isFalse();
        assertThat(counts.line()).contains("usersMe: 2 → 1 SQL statements per request (fewer)");
    }

    @Test
    void theSameCountSaysNothing() {
        StatementCounts counts = new StatementCounts(USERS_ME, List.of(3.0, 3.0), List.of(3.0, 3.0, 3.0));

        assertThat(counts.fails()).isFalse();
        assertThat(counts.line()).isEmpty();
    }

    @Test
    void aSideWhoseForksDisagreeFailsAsItsOwnProblemWithoutGuessingAChange() {
        StatementCounts counts = new StatementCounts(USERS_ME, List.of(1.0, 1.0), List.of(1.0, 1.02, 1.0));

        assertThat(counts.fails()).isTrue();
        assertThat(counts.line()).get().asString().contains("differ between forks of one side")
                .contains("head 1, 1.02, 1").doesNotContain("→");
    }

    @Test
    void aBenchmarkTheBaseDidNotCountIsNotCompared() {
        CountedWork counted = new CountedWork(java.util.OptionalDouble.of(1), java.util.OptionalDouble.empty());
        CountedWork uncounted = new CountedWork(java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(100));

        assertThat(StatementCounts.of(java.util.Map.of(USERS_ME, List.of(uncounted)),
                java.util.Map.of(USERS_ME, List.of(counted)))).isEmpty();
    }
}
