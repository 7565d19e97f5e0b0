package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.bench.compare.BenchmarkUnit;
import org.portcullis.bench.compare.CompareCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PowerCliTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @TempDir
    Path archive;

    @Test
    void statesPerSlowdownTheChanceOfBeingCalledSlowerForEachPairCount() throws IOException {
        archiveUsersMe(10, 0.03);

        int exit = run("--noise", archive.toString(), "--only", "EndpointLatencyTest.usersMe",
                "--effects", "3%,20%,3%", "--pairs", "12,3", "--runs", "1000");

        assertThat(exit).isEqualTo(CompareCli.OK);
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("benchmark-power: boundaries resampled from 10 archived A/A runs")
                .contains("| Benchmark | Slower by | 3 pairs | 12 pairs | Noise from |")
                .contains("| EndpointLatencyTest.usersMe | 3% |")
                .contains("A/A archive, 50 pairs (alternating) |");
        assertThat(table.split("\\| 3% \\|", -1)).as("a slowdown given twice is one row").hasSize(2);
        // 20 % at 3 % noise per fork: caught in (nearly) every simulated run of twelve pairs.
        assertThat(table).containsPattern("\\| EndpointLatencyTest.usersMe \\| 20% \\| \\d+ % \\| 100 % \\|");
    }

    @Test
    void saysSoWhenTheBenchmarkAskedForHasNoArchivedPairs() throws IOException {
        archiveUsersMe(10, 0.03);

        int exit = run("--noise", archive.toString(), "--only", "PasswordBench.hash");

        assertThat(exit).isEqualTo(CompareCli.OK);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("No boundary of PasswordBench.hash comes from archived A/A pairs in its placement here")
                .doesNotContain("| Benchmark |");
    }

    @Test
    void saysSoWhenTheArchiveHasNothingToResample() {
        int exit = run("--noise", archive.resolve("none").toString());

        assertThat(exit).isEqualTo(CompareCli.OK);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("no A/A archive for this platform")
                .contains("No boundary of any benchmark comes from archived A/A pairs");
    }

    @Test
    void refusesAPairCountNoRunEndsWith() {
        int exit = run("--pairs", "2,5");

        assertThat(exit).isEqualTo(CompareCli.USAGE_ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--pairs: a run ends with 3 to 12 pairs, got 2");
    }

    @Test
    void refusesAPairCountThatIsNotANumber() {
        int exit = run("--pairs", "3,,5");

        assertThat(exit).isEqualTo(CompareCli.USAGE_ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--pairs takes whole numbers such as 3,5,8, got ''");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10%,-5%", "0.1", "10%,"})
    void refusesAnEffectThatIsNotASlowdownInPercent(String effects) {
        int exit = run("--effects", effects);

        assertThat(exit).isEqualTo(CompareCli.USAGE_ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--effects takes slowdowns in percent such as 10%,15%, got '");
    }

    private int run(String... args) {
        return PowerCli.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** A/A runs of users/me alone, five alternating pairs each, every fork off by {@code noise} (sd of the log). */
    private void archiveUsersMe(int runs, double noise) throws IOException {
        Random random = new Random(3);
        for (int run = 0; run < runs; run++) {
            Observations observations = new Observations();
            for (int round = 0; round < 5; round++) {
                observations.add(fork(random, noise), fork(random, noise));
            }
            NoiseArchive.append(archive, "aa" + run, run, observations,
                    Map.of(FakeForkRunner.USERS_ME, Placement.ALTERNATING));
        }
    }

    private static ForkOutcome fork(Random random, double noise) {
        return new ForkOutcome(Map.of(FakeForkRunner.USERS_ME,
                new ForkOutcome.Sample(2 * Math.exp(random.nextGaussian() * noise), BenchmarkUnit.MS_PER_OP)), List.of());
    }
}
