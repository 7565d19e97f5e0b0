package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate's findings from counted work rather than time, beside the ratio judgements: a change of SQL
 * statements per request (fails at once, see {@link StatementCounts}) and allocation beyond its threshold
 * (a warning, failing only when {@code strict}, see {@link AllocationSignal}). Judged over every fork the
 * run made, measuring and confirming alike: the counts do not depend on which rounds they came from.
 *
 * @param statements one per benchmark whose statements both sides counted
 * @param allocation one per benchmark whose allocation both sides measured
 * @param strict     whether an allocation flag fails the run
 */
public record WorkSignals(List<StatementCounts> statements, List<AllocationSignal> allocation, boolean strict) {

    public WorkSignals {
        statements = List.copyOf(statements);
        allocation = List.copyOf(allocation);
    }

    /** For a run that counted nothing (a base that predates counting, or a test's fake runner). */
    public static WorkSignals none() {
        return new WorkSignals(List.of(), List.of(), false);
    }

    /** Judges everything the rounds counted. */
    public static WorkSignals of(List<Observations> rounds, boolean strict) {
        Observations all = new Observations();
        rounds.forEach(all::addAll);
        return new WorkSignals(StatementCounts.of(all.work("base"), all.work("head")),
                AllocationSignal.of(all.work("base"), all.work("head")), strict);
    }

    public boolean fails() {
        return statements.stream().anyMatch(StatementCounts::fails)
                || strict && allocation.stream().anyMatch(AllocationSignal::flagged);
    }

    /** One line per finding, each saying whether it fails: the report's notes. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (StatementCounts counts : statements) {
            counts.line().ifPresent(line -> lines.add((counts.fails() ? "SQL STATEMENTS (fails): " : "SQL statements: ")
                    + line));
        }
        for (AllocationSignal signal : allocation) {
            signal.line().ifPresent(line -> lines.add((strict ? "ALLOCATION (fails under --strict): "
                    : "allocation (warning; fails with STRICT=1): ") + line));
        }
        return lines;
    }

    /** The summary's clause, e.g. "SQL statements changed in usersMe, sessionsList"; empty when none. */
    public Optional<String> summary() {
        List<String> changed = statements.stream().filter(StatementCounts::fails)
                .map(counts -> WorkNames.of(counts.benchmark())).toList();
        long allocating = allocation.stream().filter(AllocationSignal::flagged).count();
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("SQL statements per request changed in " + String.join(", ", changed));
        }
        if (allocating > 0) {
            parts.add(allocating + " allocating more" + (strict ? "" : " (warning)"));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
}
