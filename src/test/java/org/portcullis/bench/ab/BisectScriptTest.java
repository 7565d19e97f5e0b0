package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make benchmark-bisect}'s scripts (src/bisect) run over a toy history: GOOD and eight commits, those
 * from one number on 1.6× slower, with the tooling's mains stood in for (src/test/bisect/stand-in-java.sh)
 * and chosen comparisons answered the wrong way, as a step of unlucky pairs is. Pins what the confirmation
 * against the parent does with a misjudged step; git, bash and the scripts are the real ones.
 */
class BisectScriptTest {
    @TempDir
    Path directory;

    @Test
    void theSlowerCommitIsNamedAndConfirmedAgainstItsParent() throws Exception {
        Bisection bisection = bisect(5, "");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).contains("First slower commit: ").containsPattern("[0-9a-f]{40} commit 5\n")
                .contains("against its parent").contains("(confirmed)").contains("0 corrections");
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "6-0", "5-0", "5-4");
    }

    @Test
    void aSlowerStepMisjudgedLikeGoodIsFoundByTheConfirmationAndTheBisectionGoesOnBelowIt() throws Exception {
        // run 7 of BENCHMARKS.md: the slower 2nd measured like GOOD, so the 3rd was named
        Bisection bisection = bisect(2, "2-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 2\n").contains("1 corrections")
                .containsPattern("against [0-9a-f]+: Toy.bench .*, undecided")
                .containsPattern("Correction: [0-9a-f]+ is like BAD");
        // the 3rd against the 2nd undecided (the 2nd as slow as BAD leaves no middle), the 2nd against GOOD
        // again, then the 1st, and the 2nd confirmed
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "2-0", "3-0", "3-2", "2-0", "1-0", "2-1");
    }

    @Test
    void anUnchangedStepMisjudgedLikeBadIsTurnedOverAndTheSlowerCommitStillNamed() throws Exception {
        Bisection bisection = bisect(5, "4-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 5\n").contains("1 corrections")
                .containsPattern("Correction: [0-9a-f]+ is like GOOD");
        assertThat(bisection.comparisons).endsWith("5-4");
    }

    @Test
    void theFirstCommitMisjudgedLikeGoodIsNamedOnceItsParentGoodConfirmsIt() throws Exception {
        Bisection bisection = bisect(1, "1-0");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 1\n").contains("1 corrections");
        assertThat(bisection.comparisons).containsExactly("8-0", "4-0", "2-0", "1-0", "2-1", "1-0", "1-0");
    }

    @Test
    void aMisjudgedConfirmationIsCorrectedByTheNextOne() throws Exception {
        Bisection bisection = bisect(5, "5-4");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).containsPattern("[0-9a-f]{40} commit 5\n").contains("2 corrections");
    }

    @Test
    void whenTwoCorrectionsDoNotSettleItNoCommitIsNamed() throws Exception {
        Bisection bisection = bisect(5, "5-4!");

        assertThat(bisection.exit).isOne();
        assertThat(bisection.output).contains("two corrections and still not confirmed")
                .doesNotContain("First slower commit");
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
        Bisection bisection = bisect(5, "8-0!", "1.2 1.7 2.4");

        assertThat(bisection.exit).isZero();
        assertThat(bisection.output).contains("pairs pooled, every one slower")
                .as("BAD's ratio is the pooled pairs' median").contains("1.700× [1.200×, 2.400×] against GOOD, 6 pairs, slower")
                .containsPattern("[0-9a-f]{40} commit 5\n");
        assertThat(bisection.comparisons).startsWith("8-0", "8-0", "4-0");
    }

    @Test
    void aBadUndecidedTwiceWithAPairNotSlowerIsNotBisected() throws Exception {
        Bisection bisection = bisect(5, "8-0!", "1.6 0.95 1.6");

        assertThat(bisection.exit).isOne();
        assertThat(bisection.output).contains("not every one slower (1.600× [0.950×, 1.600×] over 6 pairs)")
                .contains("nothing to bisect").doesNotContain("First slower commit");
        assertThat(bisection.comparisons).containsExactly("8-0", "8-0");
    }

    private record Bisection(int exit, String output, List<String> comparisons) {
    }

    private Bisection bisect(int slower, String misjudged) throws IOException, InterruptedException {
        return bisect(slower, misjudged, "");
    }

    /** @param undecidedPairs the pairs of a gate run answered undecided (see stand-in-java.sh), else each at the ratio */
    private Bisection bisect(int slower, String misjudged, String undecidedPairs) throws IOException, InterruptedException {
        Path repository = directory.resolve("toy");
        Path log = directory.resolve("bisect.log");
        ProcessBuilder toy = new ProcessBuilder("bash", "src/test/bisect/toy-bisect.sh", repository.toString(),
                Integer.toString(slower), misjudged).redirectErrorStream(true).redirectOutput(log.toFile());
        if (!undecidedPairs.isEmpty()) {
            toy.environment().put("FAKE_UNDECIDED_PAIRS", undecidedPairs);
        }
        Process process = toy.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the toy bisection ends").isTrue();
        Path comparisons = repository.resolve("fake/comparisons");
        return new Bisection(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                Files.exists(comparisons) ? Files.readAllLines(comparisons) : List.of());
    }
}
