package org.portcullis.bench.ab;

import org.portcullis.bench.compare.Verdict;

import java.util.List;

/**
 * Everything one A/B run found; the single input of the console lines, both reports and the exit code, so
 * they cannot disagree.
 *
 * @param baseLabel   what was compared against, e.g. "main (1a2b3c4)"
 * @param headLabel   what was measured, e.g. "working tree of gate (5d6e7f8)"
 * @param judgements  one per benchmark both sides produced
 * @param missing     benchmarks the base produced and the head never did (each fails the run)
 * @param allowed     benchmarks missing on purpose ({@code --allow-missing})
 * @param added       benchmarks only the head produced (listed; nothing to compare them with)
 * @param errors      forks that failed, naming the benchmark (each fails the run)
 * @param rounds      measuring rounds
 * @param confirmRounds confirmation rounds for flagged benchmarks
 * @param seed        the seed of the base/head order, to repeat a run's order
 * @param seconds     how long the measuring and confirming took
 * @param work        what the counted work (SQL statements, allocation) found
 */
public record GateResult(String baseLabel, String headLabel, List<Judgement> judgements, List<String> missing,
                         List<String> allowed, List<String> added, List<String> errors, int rounds,
                         int confirmRounds, long seed, long seconds, WorkSignals work) {

    /** A run that counted no work. */
    public GateResult(String baseLabel, String headLabel, List<Judgement> judgements, List<String> missing,
                      List<String> allowed, List<String> added, List<String> errors, int rounds,
                      int confirmRounds, long seed, long seconds) {
        this(baseLabel, headLabel, judgements, missing, allowed, added, errors, rounds, confirmRounds, seed, seconds,
                WorkSignals.none());
    }

    public GateResult {
        judgements = List.copyOf(judgements);
        missing = List.copyOf(missing);
        allowed = List.copyOf(allowed);
        added = List.copyOf(added);
        errors = List.copyOf(errors);
    }

    public boolean fails() {
        return !missing.isEmpty() || !errors.isEmpty() || judgements.stream().anyMatch(j -> j.verdict().fails())
                || work.fails();
    }

    /** E.g. "REGRESSION: PasswordBench.hash, PasswordBench.verify" or "OK: 14 benchmarks, 1 within noise". */
    public String summary() {
        List<String> regressed = judgements.stream().filter(j -> j.verdict().fails()).map(Judgement::name).toList();
        long noisy = judgements.stream().filter(j -> j.verdict() == Verdict.WITHIN_NOISE).count();
        StringBuilder text = new StringBuilder(fails() ? "FAIL:" : "OK: " + judgements.size() + " benchmarks compared");
        if (!regressed.isEmpty()) {
            text.append(" regression in ").append(String.join(", ", regressed)).append(';');
        }
        if (!missing.isEmpty()) {
            text.append(" missing from head: ").append(String.join(", ", missing)).append(';');
        }
        if (!errors.isEmpty()) {
            text.append(' ').append(errors.size()).append(errors.size() == 1 ? " fork failed;" : " forks failed;");
        }
        work.summary().ifPresent(clause -> text.append(fails() ? " " : ", ").append(clause).append(fails() ? ";" : ""));
        if (noisy > 0) {
            text.append(fails() ? " " : ", ").append(noisy).append(" over the threshold but within noise");
        }
        return text.toString().replaceAll(";$", "");
    }
}
