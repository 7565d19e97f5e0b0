package org.portcullis.bench.ab;

import java.util.List;
import java.util.Locale;

/**
 * Judges one step of a bisection by time: is this commit like GOOD or like BAD?
 *
 * <p>A step is one of two things, GOOD's speed or BAD's, so the question needs far fewer forks than the gate's
 * "slower or the same within the false-alarm boundary" (whose "same" needs five pairs). Each round runs three
 * forks, GOOD's, the step's and BAD's, one after another, and the step votes for whichever of the two its fork
 * lies nearer on a log scale: like BAD above the round's own middle √(GOOD·BAD), like GOOD below it. A round
 * whose BAD fork came out no slower than its GOOD fork cannot tell the two apart and abstains. The step is
 * decided when one side leads by enough votes: Wald's sequential test on the signs.
 *
 * <p>Why the round's own GOOD and BAD rather than a middle fixed from BAD's ratio R measured once before the
 * steps (as until this class took three forks): that R rested on BAD's three or four pairs, which overstated it
 * twice on a noisy host (2.38× and 2.31× for a commit that measured 1.5-1.7× in its steps), and a middle set
 * too high split the slower steps' votes (bisect runs 11 and 13 in BENCHMARKS.md). In a round, GOOD and BAD
 * are measured beside the step, so a host that slowed down for a while moves the middle with it.
 *
 * <p>R still sets how many votes decide. A vote goes astray when the step's fork lies past the middle on the
 * wrong side: its distance from the middle, log s − (log g + log b)/2, carries the noise of three forks,
 * 1 + ¼ + ¼ = 3/2 of one fork's variance, where an A/A pair's log ratio carries 2. So a vote strays as often as
 * an archived A/A pair of this benchmark lies beyond log R · √(2/(3/2)) / 2 = log R / √3 (both tails, counted
 * with one added, so an archive with none that far still leaves a chance). The lead is the fewest votes that
 * keep either wrong answer under {@link #ERROR}, and never one: a whole fork can be an outlier. Signs rather
 * than sizes for the gate's reason: a fork-wide outlier is one vote, not a mean dragged across the middle.
 *
 * @param badRatio BAD's ratio against GOOD, as measured before the steps
 * @param stray    the chance that a round's vote for a step goes to the wrong side
 * @param lead     the votes one side must lead by
 */
public record StepJudge(double badRatio, double stray, int lead) {
    /** The chance of each wrong answer per step that the lead is chosen for. */
    static final double ERROR = 0.01;
    /** One vote never decides: a whole fork can be an outlier. */
    static final int LEAST_LEAD = 2;
    /** Without an archive: a vote goes astray one time in ten (three votes to decide). */
    static final double UNKNOWN_STRAY = 0.1;

    public StepJudge {
        if (!(badRatio > 1) || !(stray > 0 && stray < 0.5) || lead < LEAST_LEAD) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no step judge for BAD at %s×, stray %s, lead %d", badRatio, stray, lead));
        }
    }

    /** One round of a step: GOOD's, the step's and BAD's figure for the benchmark (time per operation). */
    public record Round(double good, double step, double bad) {
        /** +1 like BAD, −1 like GOOD, 0 when BAD's fork was no slower than GOOD's (no middle to judge by). */
        int vote() {
            if (!(bad > good)) {
                return 0;
            }
            return step * step > good * bad ? 1 : -1;
        }

        /** The step against this round's GOOD, the pair its ratio is reported from. */
        PairedRatio.Pair stepPair() {
            return new PairedRatio.Pair(good, step);
        }

        /** BAD against this round's GOOD. */
        PairedRatio.Pair badPair() {
            return new PairedRatio.Pair(good, bad);
        }

        /** "like BAD", "like GOOD" or "abstains", for a step's log. */
        String judged() {
            return vote() == 0 ? "abstains: BAD no slower than GOOD" : answer(vote() > 0 ? AbVerdict.SLOWER : AbVerdict.SAME);
        }
    }

    /**
     * The judge for a BAD measured at {@code badRatio} against GOOD.
     *
     * @param aaLogRatios the archive's A/A pairs of the benchmark (log head/base); empty without an archive
     */
    public static StepJudge of(double badRatio, List<Double> aaLogRatios) {
        if (!(badRatio > 1)) {
            throw new IllegalArgumentException("BAD must be slower than GOOD to bisect, measured " + badRatio + "×");
        }
        double astray = Math.log(badRatio) / Math.sqrt(3);
        double stray;
        if (aaLogRatios.isEmpty()) {
            stray = UNKNOWN_STRAY;
        } else {
            long past = aaLogRatios.stream().filter(log -> Math.abs(log) >= astray).count();
            stray = Math.min(0.49, (past + 1.0) / (2.0 * aaLogRatios.size() + 2));
        }
        double perVote = Math.log((1 - stray) / stray);
        int lead = (int) Math.max(LEAST_LEAD, Math.ceil(Math.log((1 - ERROR) / ERROR) / perVote));
        return new StepJudge(badRatio, stray, lead);
    }

    /** {@link AbVerdict#SLOWER}: like BAD; {@link AbVerdict#SAME}: like GOOD; else {@link AbVerdict#UNDECIDED}. */
    public AbVerdict judge(List<Round> rounds) {
        int votes = rounds.stream().mapToInt(Round::vote).sum();
        if (votes >= lead) {
            return AbVerdict.SLOWER;
        }
        return votes <= -lead ? AbVerdict.SAME : AbVerdict.UNDECIDED;
    }

    /** A verdict as the bisection's log words it: "like BAD", "like GOOD" or "undecided". */
    static String answer(AbVerdict verdict) {
        return switch (verdict) {
            case SLOWER -> "like BAD";
            case SAME -> "like GOOD";
            default -> "undecided";
        };
    }

    /** For the bisection's log. */
    public String describe() {
        return String.format(Locale.ROOT, "each round GOOD, the step and BAD; like BAD above the round's √(GOOD·BAD), "
                + "like GOOD below; at BAD's %.3f× a vote strays %.1f %% of the time, so %d votes ahead decide",
                badRatio, 100 * stray, lead);
    }
}
