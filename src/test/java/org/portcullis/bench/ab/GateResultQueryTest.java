package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GateResultQueryTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void verdictPrintsOneLineForTheScriptOrMissing() throws IOException {
        Path file = result("{\"name\": \"EndpointLatencyTest.usersMe\", \"verdict\": \"slower\", \"ratio\": 1.5301,"
                + " \"low\": 1.4632, \"high\": 1.8091, \"pairs\": 9, \"threshold\": 1.25}");

        assertThat(run("verdict", file.toString(), "EndpointLatencyTest.usersMe")).isZero();
        assertThat(run("verdict", file.toString(), "EndpointLatencyTest.refresh")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("slower 1.530 1.463 1.809 9\nmissing\n");
    }

    @Test
    void statementsPrintsBaseAndHeadCountsOrNoneWhereNotCounted() throws IOException {
        Path file = result("{\"name\": \"EndpointLatencyTest.usersMe\", \"verdict\": \"undecided\", \"ratio\": 1.25,"
                + " \"statements\": {\"base\": 1.0, \"head\": 2.0}}, {\"name\": \"PasswordBench.hash\", \"verdict\": \"same\"}");

        assertThat(run("statements", file.toString(), "EndpointLatencyTest.usersMe")).isZero();
        assertThat(run("statements", file.toString(), "PasswordBench.hash")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("1 2\nnone\n");
    }

    @Test
    void slowestNamesTheSlowerBenchmarkWithTheHighestRatioAndExitsOneWhenNoneIsSlower() throws IOException {
        Path file = result("{\"name\": \"PasswordBench.hash\", \"verdict\": \"slower\", \"ratio\": 1.9},"
                + " {\"name\": \"EndpointLatencyTest.refresh\", \"verdict\": \"same\", \"ratio\": 3.0},"
                + " {\"name\": \"PasswordBench.verify\", \"verdict\": \"slower\", \"ratio\": 2.0}");
        assertThat(run("slowest", file.toString())).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("PasswordBench.verify\n");

        Path none = result("{\"name\": \"PasswordBench.hash\", \"verdict\": \"undecided\", \"ratio\": 1.9}");
        assertThat(run("slowest", none.toString())).isEqualTo(1);
    }

    @Test
    void pooledCallsBadSlowerWhenEveryOneOfAtLeastFivePairsOfItsRunsIsSlower() throws IOException {
        // bisect run 12 of BENCHMARKS.md: undecided twice over three pairs, every pair 1.23× or more
        Path first = result(usersMe("undecided", "1.300, 1.232, 2.445"));
        Path second = result(usersMe("undecided", "1.354, 1.304, 2.426"));

        assertThat(run("pooled", "EndpointLatencyTest.usersMe", first.toString(), second.toString())).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("slower 1.329 1.232 2.445 6\n");
    }

    @Test
    void pooledLeavesBadUndecidedWhenOnePairIsNotSlowerOrThePairsAreTooFew() throws IOException {
        Path first = result(usersMe("undecided", "1.300, 0.990, 2.445"));
        Path second = result(usersMe("undecided", "1.354, 1.304, 2.426"));
        Path withoutPairs = result("{\"name\": \"EndpointLatencyTest.usersMe\", \"verdict\": \"undecided\"}");

        run("pooled", "EndpointLatencyTest.usersMe", first.toString(), second.toString());
        run("pooled", "EndpointLatencyTest.usersMe", second.toString());
        run("pooled", "EndpointLatencyTest.usersMe", withoutPairs.toString());
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .isEqualTo("undecided 1.329 0.990 2.445 6\nundecided 1.354 1.304 2.426 3\nmissing\n");
    }

    @Test
    void pooledAsksEveryPairToBeSlowerAlsoWhereTheIntervalWouldLeaveTheLowestOut() throws IOException {
        // from nine pairs on the median's interval runs from the 2nd smallest pair: one pair at 0.99 is still one too many
        Path first = result(usersMe("undecided", "1.30, 0.99, 2.40, 1.25, 1.50"));
        Path second = result(usersMe("undecided", "1.35, 1.30, 2.40, 1.40"));

        run("pooled", "EndpointLatencyTest.usersMe", first.toString(), second.toString());
        assertThat(stdout.toString(StandardCharsets.UTF_8)).startsWith("undecided 1.350 1.250 2.400 9");
    }

    @Test
    void aMissingFileOrUnknownQueryIsAUsageError() {
        assertThat(run("verdict", directory.resolve("none.json").toString(), "X.y")).isEqualTo(2);
        assertThat(run("fastest", "x")).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("gate result not found").contains("usage:");
    }

    private static String usersMe(String verdict, String pairRatios) {
        return "{\"name\": \"EndpointLatencyTest.usersMe\", \"verdict\": \"" + verdict + "\", \"ratio\": 1.3,"
                + " \"pairs\": 3, \"pair_ratios\": [" + pairRatios + "]}";
    }

    private Path result(String benchmarks) throws IOException {
        return Files.writeString(directory.resolve("ab-result-" + System.nanoTime() + ".json"),
                "{\"base\": {\"label\": \"GOOD f2df508\", \"commit\": \"f2df508\"}, \"head\": {\"label\": \"step\","
                        + " \"commit\": \"a6c72e0\"}, \"date\": \"2026-12-07T00:40:00Z\", \"seed\": 1, \"seconds\": 300,"
                        + " \"only\": null, \"benchmarks\": [" + benchmarks + "]}");
    }

    private int run(String... args) {
        return GateResultQuery.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }
}
