package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The gate's rule for SQL statements per request: base and head must execute the same number. Every fork
 * of one side counts the same statements (the server counts each request's own, exactly, see the app's
 * RequestWork), so there is no noise to see through and one changed count is a finding at any size and on
 * any machine: the N+1 query that a busy runner's timings would hide.
 *
 * <p>More statements on the head fail the run at once, without confirmation rounds. Fewer are reported and
 * pass (an improvement, or a read moved elsewhere: a reviewer reads the line). A side whose forks disagree
 * fails too, as its own finding: the count was meant to be exact, so something in the path now depends on
 * time or order (a cache that expires, a background read on the request thread), and comparing one of its
 * values would be a guess.
 *
 * @param benchmark the full benchmark name
 * @param base      the statements per request of each base fork
 * @param head      the statements per request of each head fork
 */
public record StatementCounts(String benchmark, List<Double> base, List<Double> head) {
    /** Counts are means over whole requests: equal counts are equal to far better than this. */
    private static final double SAME = 1e-9;

    public StatementCounts {
        base = List.copyOf(base);
        head = List.copyOf(head);
    }

    /** One per benchmark that counted statements on both sides, in name order. */
    public static List<StatementCounts> of(Map<String, List<CountedWork>> base, Map<String, List<CountedWork>> head) {
        List<StatementCounts> counts = new ArrayList<>();
        for (String benchmark : new TreeSet<>(base.keySet())) {
            List<Double> before = statements(base.get(benchmark));
            List<Double> after = statements(head.getOrDefault(benchmark, List.of()));
            if (!before.isEmpty() && !after.isEmpty()) {
                counts.add(new StatementCounts(benchmark, before, after));
            }
        }
        return counts;
    }

    private static List<Double> statements(List<CountedWork> forks) {
        return forks.stream().filter(work -> work.statements().isPresent())
                .map(work -> work.statements().getAsDouble()).toList();
    }

    /** Whether this fails the run: more statements on the head, or a side whose forks disagree. */
    public boolean fails() {
        return steady(base).isEmpty() || steady(head).isEmpty() || steady(head).get() > steady(base).get() + SAME;
    }

    /** Whether there is anything to say: a change either way, or an unsteady side. */
    public boolean changed() {
        return fails() || Math.abs(steady(head).get() - steady(base).get()) > SAME;
    }

    /**
     * The finding in words, e.g. "usersMe: 1 → 2 SQL statements per request"; empty when nothing changed.
     */
    public Optional<String> line() {
        String name = WorkNames.of(benchmark);
        Optional<Double> before = steady(base);
        Optional<Double> after = steady(head);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.of(name + ": SQL statements per request differ between forks of one side (base "
                    + counts(base) + ", head " + counts(head) + "): the count should be exact; cannot compare");
        }
        if (!changed()) {
            return Optional.empty();
        }
        return Optional.of(name + ": " + count(before.get()) + " → " + count(after.get())
                + " SQL statements per request" + (after.get() < before.get() ? " (fewer)" : ""));
    }

    /** The count every base fork agrees on; empty if they disagree. */
    public Optional<Double> baseCount() {
        return steady(base);
    }

    /** The count every head fork agrees on; empty if they disagree. */
    public Optional<Double> headCount() {
        return steady(head);
    }

    /** The one value every fork of a side agrees on, if they do. */
    private static Optional<Double> steady(List<Double> forks) {
        double first = forks.get(0);
        return forks.stream().allMatch(value -> Math.abs(value - first) <= SAME) ? Optional.of(first) : Optional.empty();
    }

    private static String counts(List<Double> forks) {
        return String.join(", ", forks.stream().map(StatementCounts::count).toList());
    }

    /** A whole count as one ("2"), a mean of unequal requests as it is ("1.50"). */
    static String count(double value) {
        return Math.abs(value - Math.rint(value)) <= SAME ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
