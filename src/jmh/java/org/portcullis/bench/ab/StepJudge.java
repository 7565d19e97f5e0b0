package org.portcullis.bench.ab;

import java.util.List;
import java.util.Locale;

/**
 * Judges one step of a bisection: is this commit, measured against GOOD, like GOOD or like BAD?
 *
 * <p>The gate's own question, "slower or the same within the false-alarm boundary", needs five pairs for a
 * "same" (its interval must reach 93.75 %) and spent a bisect step's four minutes on an unchanged commit
 * without an answer (BENCHMARKS.md, "Finding the commit"). A bisection knows more than the gate: BAD has been
 * measured against GOOD, at ratio R, and a step is one of two things, 1× or R×. So the step is judged against
 * the geometric middle √R: each pair's ratio falls above it (a vote for BAD) or below (for GOOD), and the
 * step is decided when one side leads by enough votes — Wald's sequential test on the signs. How often an
 * unchanged pair strays past the middle is read from the A/A archive's pairs of this benchmark (both tails,
 * counted with one added, so an archive with none past it still leaves a chance). With R = 1.7× and users/me's
 * archive, almost no A/A pair strays 1.3× away, and two votes to none decide a step.
 *
 * <p>Signs rather than the ratios' sizes for the gate's reason: a fork-wide outlier (one pair at 0.47× inside a
 * 1.5× step) counts as one vote, not as a mean dragged across the middle.
 *
 * @param midpoint the ratio between the two answers, √R
 * @param stray    the chance that a pair of unchanged code falls past the midpoint on one side
 * @param lead     the votes one side must lead by: at most {@link #ERROR} chance of the wrong answer, and
 *                 never fewer than {@link #LEAST_LEAD}
 */
public record StepJudge(double midpoint, double stray, int lead) {
    /** The chance of each wrong answer per step that the lead is chosen for. */
    static final double ERROR = 0.01;
    /** One pair never decides: a whole fork can be an outlier. */
    static final int LEAST_LEAD = 2;
    /** Without an archive: a pair strays past the midpoint one time in ten (three votes to decide). */
    static final double UNKNOWN_STRAY = 0.1;

    public StepJudge {
        if (!(midpoint > 1) || !(stray > 0 && stray < 0.5) || lead < LEAST_LEAD) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no step judge for midpoint %s, stray %s, lead %d", midpoint, stray, lead));
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
        double middle = Math.log(badRatio) / 2;
        double stray;
        if (aaLogRatios.isEmpty()) {
            stray = UNKNOWN_STRAY;
        } else {
            long past = aaLogRatios.stream().filter(log -> Math.abs(log) >= middle).count();
            stray = Math.min(0.49, (past + 1.0) / (2.0 * aaLogRatios.size() + 2));
        }
        double perVote = Math.log((1 - stray) / stray);
        int lead = (int) Math.max(LEAST_LEAD, Math.ceil(Math.log((1 - ERROR) / ERROR) / perVote));
        return new StepJudge(Math.exp(middle), stray, lead);
    }

    /** {@link AbVerdict#SLOWER}: like BAD; {@link AbVerdict#SAME}: like GOOD; else {@link AbVerdict#UNDECIDED}. */
    public AbVerdict judge(List<PairedRatio.Pair> pairs) {
        int votes = 0;
        for (PairedRatio.Pair pair : pairs) {
            votes += pair.head() / pair.base() > midpoint ? 1 : -1;
        }
        if (votes >= lead) {
            return AbVerdict.SLOWER;
        }
        return votes <= -lead ? AbVerdict.SAME : AbVerdict.UNDECIDED;
    }

    /** For the bisection's log. */
    public String describe() {
        return String.format(Locale.ROOT, "like BAD above %.3f× (√ of BAD's ratio), like GOOD below; a pair of "
                + "unchanged code strays past it %.1f %% of the time, so %d votes ahead decide", midpoint, 100 * stray, lead);
    }
}
