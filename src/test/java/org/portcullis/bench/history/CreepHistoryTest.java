package org.portcullis.bench.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CreepHistoryTest {
    @TempDir
    Path directory;

    @Test
    void appendedRunsAreReadBackOldestFirstWithEveryPoint() throws IOException {
        Path file = directory.resolve("Linux-OpenJDK-17-64bit/history.jsonl");
        CreepHistory.append(file, run("2026-12-01T02:00:00Z", "v1.0.0", "aaaa", 1.02));
        CreepHistory.append(file, run("2026-12-02T02:00:00Z", "v1.0.0", "aaaa", 1.30));

        List<CreepRun> runs = CreepHistory.read(file, new ArrayList<>());

        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(runs).extracting(CreepRun::date).containsExactly(Instant.parse("2026-12-01T02:00:00Z"),
                Instant.parse("2026-12-02T02:00:00Z"));
        assertThat(runs.get(1).benchmarks().get("EndpointLatencyTest.usersMe"))
                .isEqualTo(new CreepRun.Point(1.30, 1.2, Double.POSITIVE_INFINITY, 3, "same"));
        assertThat(runs.get(1).anchorCommit()).isEqualTo("aaaa");
    }

    @Test
    void aLineCutShortIsReportedAndTheOthersAreRead() throws IOException {
        Path file = directory.resolve("history.jsonl");
        CreepHistory.append(file, run("2026-12-01T02:00:00Z", "v1.0.0", "aaaa", 1.0));
        Files.writeString(file, "{\"date\": \"2026-12-02T0", StandardOpenOption.APPEND);
        List<String> skipped = new ArrayList<>();

        assertThat(CreepHistory.read(file, skipped)).hasSize(1);
        assertThat(skipped).singleElement().asString().contains("line 2");
    }

    @Test
    void onlyTheRunsAgainstTheNewestAnchorMakeTheSeries() {
        List<CreepRun> history = List.of(run("2026-12-01T02:00:00Z", "v1.0.0", "aaaa", 2.0),
                run("2026-12-02T02:00:00Z", "v1.1.0", "bbbb", 1.0), run("2026-12-03T02:00:00Z", "v1.1.0", "bbbb", 1.1));

        List<CreepSeries> series = CreepSeries.of(history);

        assertThat(series).singleElement().satisfies(usersMe -> {
            assertThat(usersMe.benchmark()).isEqualTo("EndpointLatencyTest.usersMe");
            assertThat(usersMe.ratios()).containsExactly(1.0, 1.1);
            assertThat(usersMe.step()).isEmpty();
        });
    }

    static CreepRun run(String date, String anchor, String anchorCommit, double usersMe) {
        return new CreepRun(Instant.parse(date), anchor, anchorCommit, "cccc" + date.substring(8, 10), 300,
                Map.of("EndpointLatencyTest.usersMe", new CreepRun.Point(usersMe, 1.2, Double.POSITIVE_INFINITY, 3, "same")));
    }
}
