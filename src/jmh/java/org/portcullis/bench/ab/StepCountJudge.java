package org.portcullis.bench.ab;

import java.util.Optional;

/**
 * Judges a bisection step by its SQL statements per request, when BAD runs a different number than GOOD
 * (the N+1 case): the counts are exact (see {@link StatementCounts}), so one round decides, with no noise to
 * see through. The step is like GOOD when it runs GOOD's count, and like BAD when it runs any other: the
 * commit sought is the first that changed the count.
 *
 * @param good GOOD's statements per request
 * @param bad  BAD's, which differ from GOOD's
 */
public record StepCountJudge(double good, double bad) {
    private static final double SAME = 1e-9;

    public StepCountJudge {
        if (Math.abs(good - bad) <= SAME) {
            throw new IllegalArgumentException("GOOD and BAD run the same statements per request: judge by time");
        }
    }

    /**
     * {@link AbVerdict#SLOWER} like BAD, {@link AbVerdict#SAME} like GOOD; {@link AbVerdict#UNDECIDED} when the
     * step's forks disagree on a count (to be measured again), or its GOOD fork does not run GOOD's count.
     */
    public AbVerdict judge(StatementCounts counts) {
        Optional<Double> base = counts.baseCount();
        Optional<Double> head = counts.headCount();
        if (base.isEmpty() || head.isEmpty() || Math.abs(base.get() - good) > SAME) {
            return AbVerdict.UNDECIDED;
        }
        return Math.abs(head.get() - good) <= SAME ? AbVerdict.SAME : AbVerdict.SLOWER;
    }

    public String describe() {
        return "like GOOD at " + StatementCounts.count(good) + " SQL statements per request, like BAD at any other ("
                + "BAD runs " + StatementCounts.count(bad) + "): one round decides";
    }
}
