package org.portcullis.bench.ab;

import org.portcullis.bench.compare.BenchmarkUnit;

import java.util.List;
import java.util.Map;

/**
 * What one fork gave: one sample per benchmark that ran to the end, and a line for each that did not.
 *
 * @param samples full benchmark name to its sample
 * @param errors  what went wrong, naming the benchmark and where its log is
 * @param work    full benchmark name to the work it counted (statements, bytes), where it counted any
 */
public record ForkOutcome(Map<String, Sample> samples, List<String> errors, Map<String, CountedWork> work) {

    public ForkOutcome {
        samples = Map.copyOf(samples);
        errors = List.copyOf(errors);
        work = Map.copyOf(work);
    }

    /** A fork that counted no work. */
    public ForkOutcome(Map<String, Sample> samples, List<String> errors) {
        this(samples, errors, Map.of());
    }

    /** One fork's figure for one benchmark: a time per operation (smaller is better). */
    public record Sample(double value, BenchmarkUnit unit) {
    }
}
