package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Bytes allocated per operation, base against head: the median over each side's forks, flagged when the
 * head allocates both {@value #RATIO_PERCENT} % and {@value #MIN_BYTES} bytes per operation more. A separate
 * signal from time: allocation costs collections later and elsewhere, under load, where a latency test of
 * one request at a time does not see them; and it is a count, which a busy machine leaves alone. Both
 * bounds, because a few hundred bytes more on a 40-byte bench are +500 % of nothing, and +1 KB on a
 * 360 KB refresh is rounding.
 *
 * <p>Why not exact, like statements: what the JIT has compiled, inlined and scalar-replaced by the measured
 * requests differs a little from fork to fork, and so do the bytes (A/A forks of the latency tests within a
 * few percent). A flag is reported, and fails the run only under {@code --strict} ({@code STRICT=1}).
 *
 * @param benchmark the full benchmark name
 * @param base      median bytes per operation over the base forks
 * @param head      median bytes per operation over the head forks
 */
public record AllocationSignal(String benchmark, double base, double head) {
    static final int RATIO_PERCENT = 10;
    static final int MIN_BYTES = 1024;

    /** One per benchmark whose allocation both sides measured, in name order. */
    public static List<AllocationSignal> of(Map<String, List<CountedWork>> base, Map<String, List<CountedWork>> head) {
        List<AllocationSignal> signals = new ArrayList<>();
        for (String benchmark : new TreeSet<>(base.keySet())) {
            double[] before = bytes(base.get(benchmark));
            double[] after = bytes(head.getOrDefault(benchmark, List.of()));
            if (before.length > 0 && after.length > 0) {
                signals.add(new AllocationSignal(benchmark, median(before), median(after)));
            }
        }
        return signals;
    }

    public boolean flagged() {
        return head > base * (1 + RATIO_PERCENT / 100.0) && head - base > MIN_BYTES;
    }

    /** E.g. "usersMe: 46.9 KB → 61.0 KB allocated per request (+30 %)", when flagged. */
    public Optional<String> line() {
        if (!flagged()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: %s → %s allocated per %s (%+.0f %%; flagged above +%d %%"
                        + " and +%d B)", WorkNames.of(benchmark), bytes(base), bytes(head),
                WorkNames.operation(benchmark), (head / base - 1) * 100, RATIO_PERCENT, MIN_BYTES));
    }

    private static double[] bytes(List<CountedWork> forks) {
        return forks.stream().filter(work -> work.bytes().isPresent()).mapToDouble(work -> work.bytes().getAsDouble())
                .toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String bytes(double value) {
        return value >= 1024 ? String.format(Locale.ROOT, "%.1f KB", value / 1024)
                : String.format(Locale.ROOT, "%.0f B", value);
    }
}
