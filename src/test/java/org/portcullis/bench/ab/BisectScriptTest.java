package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make benchmark-bisect}'s scripts (src/bisect) run over a toy history: GOOD and eight commits, those
 * from one number on 1.6× slower, with the tooling's mains stood in for (src/test/bisect/stand-in-java.sh)
 * and chosen comparisons answered the wrong way (or undecided), as a step of unlucky forks is. Pins what the
 * confirmation (the named commit and its parent judged again) does with a misjudged step; git, bash and the scripts are the real ones.
 */
class BisectScriptTest {
    @TempDir
    Path directory;

    @Test
    void theSlowerCommitIsNamedAndConfirmedWithItsParentByBeingJudgedAgain() throws Exception {
        Bisection bisection = bisect(5, "");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).contains("First slower commit: ").containsPattern("[0-9a-f]{40} commit 5\n")
                .contains("judged again (confirmed)").contains("judged again, like GOOD").contains("0 corrections");
        // the steps 4th, 6th, 5th; then the parent (4th) and the named 5th each against GOOD again
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "6-0", "5-0", "4-0", "5-0");
    }

    @Test
    void aSlowerStepMisjudgedLikeGoodIsFoundByTheConfirmationAndTheBisectionGoesOnBelowIt() throws Exception {
        // run 7 of BENCHMARKS.md: the slower 2nd measured like GOOD, so the 3rd was named
        Bisection bisection = bisect(2, "2-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 2\n").contains("1 corrections")
                .containsPattern("Correction: [0-9a-f]+ is like BAD");
        // the 3rd's parent, the 2nd, like BAD when judged again; then the 1st, and the 2nd confirmed
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "2-0", "3-0", "2-0", "1-0", "1-0", "2-0");
    }

    @Test
    void anUnchangedStepMisjudgedLikeBadIsTurnedOverAndTheSlowerCommitStillNamed() throws Exception {
        Bisection bisection = bisect(5, "4-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 5\n").contains("1 corrections")
                .containsPattern("Correction: [0-9a-f]+ is like GOOD");
        // the 4th named, its parent like GOOD again, the 4th itself like GOOD when judged again
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "2-0", "3-0", "3-0", "4-0", "6-0", "5-0",
                "4-0", "5-0");
    }

    @Test
    void theFirstCommitMisjudgedLikeGoodIsNamedOnceJudgedAgainAgainstGoodItsParent() throws Exception {
        Bisection bisection = bisect(1, "1-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 1\n").contains("1 corrections");
        // the parent of the 1st is GOOD, not judged again
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "2-0", "1-0", "1-0", "1-0");
    }

    @Test
    void aMisjudgedConfirmationIsCorrectedByTheNextOne() throws Exception {
        // the 4th right as a step, like BAD when judged again as the named 5th's parent
        Bisection bisection = bisect(5, "4-0@2");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 5\n").contains("2 corrections");
    }

    @Test
    void whenTwoCorrectionsDoNotSettleItNoCommitIsNamed() throws Exception {
        Bisection bisection = bisect(5, "4-0@2 4-0@4");

        assertThat(bisection.exit).isOne();
        assertThat(bisection.output).contains("two corrections and still not confirmed")
                .doesNotContain("First slower commit");
    }

    /** The named 5th and its parent, the 4th, are judged again, the parent first: either undecided stops it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5-0@2 | named, not confirmed: judged again it came out undecided | 4-0",
            "4-0@2 | named, not confirmed: its parent [0-9a-f]+ judged again came out undecided | 5-0"})
    void aCommitUndecidedWhenJudgedAgainLeavesTheNamedOneUnconfirmed(String undecided, String says, String before)
            throws Exception {
        Bisection bisection = bisect(5, "", Map.of("FAKE_UNDECIDED", undecided));

        assertThat(bisection.exit).isOne();
        assertThat(bisection.output).containsPattern("[0-9a-f]+ " + says).doesNotContain("First slower commit");
        assertThat(bisection.comparisons).endsWith(before, undecided.substring(0, 3));
    }

    @Test
    void anUndecidedBadIsMeasuredOnceMoreAndThenBisected() throws Exception {
        Bisection bisection = bisect(5, "8-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).contains("undecided; measuring it again").containsPattern("[0-9a-f]{40} commit 5\n");
        assertThat(bisection.comparisons).startsWith("8-0", "8-0", "4-0");
    }

    @Test
    void aBadUndecidedTwiceWhosePairsAreAllSlowerIsBisectedOnThemPooled() throws Exception {
        // bisect run 12 of BENCHMARKS.md: every pair of both measurements 1.23× or more, yet undecided twice
        Bisection bisection = bisect(5, "8-0!", Map.of("FAKE_UNDECIDED_PAIRS", "1.2 1.7 2.4"));

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).contains("pairs pooled, every one slower")
                .as("BAD's ratio is the pooled pairs' median").contains("1.700× [1.200×, 2.400×] against GOOD, 6 pairs, slower")
                .containsPattern("[0-9a-f]{40} commit 5\n");
        assertThat(bisection.comparisons).startsWith("8-0", "8-0", "4-0");
    }

    @Test
    void aBadUndecidedTwiceWithAPairNotSlowerIsNotBisected() throws Exception {
        Bisection bisection = bisect(5, "8-0!", Map.of("FAKE_UNDECIDED_PAIRS", "1.6 0.95 1.6"));

        assertThat(bisection.exit).isOne();
        assertThat(bisection.output).contains("not every one slower (1.600× [0.950×, 1.600×] over 6 pairs)")
                .contains("nothing to bisect").doesNotContain("First slower commit");
        assertThat(bisection.comparisons).containsExactly("8-0", "8-0");
    }

    private record Bisection(int exit, String output, List<String> comparisons) {
    }

    private Bisection bisect(int slower, String misjudged) throws IOException, InterruptedException {
        return bisect(slower, misjudged, Map.of());
    }

    /** @param fakes more of stand-in-java.sh's settings: FAKE_UNDECIDED, FAKE_UNDECIDED_PAIRS */
    private Bisection bisect(int slower, String misjudged, Map<String, String> fakes) throws IOException, InterruptedException {
        Path repository = directory.resolve("toy");
        Path log = directory.resolve("bisect.log");
        ProcessBuilder toy = new ProcessBuilder("bash", "src/test/bisect/toy-bisect.sh", repository.toString(),
                Integer.toString(slower), misjudged).redirectErrorStream(true).redirectOutput(log.toFile());
        toy.environment().putAll(fakes);
        Process process = toy.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the toy bisection ends").isTrue();
        Path comparisons = repository.resolve("fake/comparisons");
        return new Bisection(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                Files.exists(comparisons) ? Files.readAllLines(comparisons) : List.of());
    }
}
