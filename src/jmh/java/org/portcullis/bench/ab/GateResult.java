package org.portcullis.bench.ab;

import java.util.List;

/**
 * Everything one A/B run found; the single input of the console lines, both reports and the exit code, so
 * they cannot disagree.
 *
 * @param baseLabel    what was compared against, e.g. "main (1a2b3c4)"
 * @param headLabel    what was measured, e.g. "working tree of gate (5d6e7f8)"
 * @param judgements   one per benchmark both sides produced
 * @param missing      benchmarks the base produced and the head never did (each fails the run)
 * @param allowed      benchmarks missing on purpose ({@code --allow-missing})
 * @param added        benchmarks only the head produced (listed; nothing to compare them with)
 * @param errors       forks that failed, naming the benchmark (each fails the run)
 * @param rounds       rounds run (the first {@link AbGate#MIN_PAIRS} of every workload, later ones of the undecided)
 * @param seed         the seed of the order, to repeat a run's order
 * @param seconds      how long the measuring took
 * @param outOfTime    whether the budget ended the run with a benchmark still undecided
 * @param strict       whether an undecided benchmark fails the run ({@code STRICT=1})
 * @param boundaries   what the false-alarm boundaries rest on (the A/A archive, or family defaults)
 * @param observations every pair, for the A/A archive
 * @param work         what the counted work (SQL statements, allocation) found
 */
public record GateResult(String baseLabel, String headLabel, List<Judgement> judgements, List<String> missing,
                         List<String> allowed, List<String> added, List<String> errors, int rounds, long seed,
                         long seconds, boolean outOfTime, boolean strict, String boundaries,
                         Observations observations, WorkSignals work) {

    public GateResult {
        judgements = List.copyOf(judgements);
        missing = List.copyOf(missing);
        allowed = List.copyOf(allowed);
        added = List.copyOf(added);
        errors = List.copyOf(errors);
    }

    public boolean fails() {
        return !missing.isEmpty() || !errors.isEmpty() || judgements.stream().anyMatch(Judgement::slower)
                || (strict && judgements.stream().anyMatch(Judgement::undecided)) || work.fails();
    }

    /** E.g. "FAIL: slower: PasswordBench.hash" or "OK: 14 benchmarks compared, 12 same, 2 undecided". */
    public String summary() {
        List<String> slower = names(AbVerdict.SLOWER);
        List<String> undecided = names(AbVerdict.UNDECIDED);
        StringBuilder text = new StringBuilder(fails() ? "FAIL:" : "OK: " + judgements.size() + " benchmarks compared, "
                + names(AbVerdict.SAME).size() + " same");
        if (!slower.isEmpty()) {
            text.append(" slower: ").append(String.join(", ", slower)).append(';');
        }
        if (!missing.isEmpty()) {
            text.append(" missing from head: ").append(String.join(", ", missing)).append(';');
        }
        if (!errors.isEmpty()) {
            text.append(' ').append(errors.size()).append(errors.size() == 1 ? " fork failed;" : " forks failed;");
        }
        work.summary().ifPresent(clause -> text.append(fails() ? " " : ", ").append(clause).append(fails() ? ";" : ""));
        if (!undecided.isEmpty()) {
            text.append(fails() ? " " : ", ").append("undecided").append(strict ? " (fails under STRICT=1)" : "")
                    .append(": ").append(String.join(", ", undecided));
        }
        return text.toString().replaceAll(";$", "");
    }

    private List<String> names(AbVerdict verdict) {
        return judgements.stream().filter(j -> j.verdict() == verdict).map(Judgement::name).toList();
    }
}
