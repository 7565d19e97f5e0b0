package org.portcullis.bench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One benchmark's ratios against the current anchor, oldest first, with the step found in them.
 *
 * <p>Only the runs against the newest run's anchor commit count: a ratio against another anchor is another
 * quantity (a release that made users/me 20 % faster moves every later ratio by 0.83×), so a new release tag
 * starts a new series, and with it forgets a step that was looked at and accepted.
 *
 * @param benchmark Class.method
 * @param runs      the runs of the current anchor that measured it
 * @param ratios    their ratios, in the same order
 * @param step      the strongest split, when there are enough runs
 */
public record CreepSeries(String benchmark, List<CreepRun> runs, List<Double> ratios,
                          Optional<StepDetector.Step> step) {

    public CreepSeries {
        runs = List.copyOf(runs);
        ratios = List.copyOf(ratios);
    }

    /** Every benchmark's series over the runs of the newest run's anchor, by name. */
    public static List<CreepSeries> of(List<CreepRun> history) {
        List<CreepRun> current = currentAnchor(history);
        TreeSet<String> names = new TreeSet<>();
        current.forEach(run -> names.addAll(run.benchmarks().keySet()));
        List<CreepSeries> all = new ArrayList<>();
        for (String name : names) {
            List<CreepRun> runs = current.stream().filter(run -> run.benchmarks().containsKey(name)).toList();
            List<Double> ratios = runs.stream().map(run -> run.benchmarks().get(name).ratio()).toList();
            all.add(new CreepSeries(name, runs, ratios, StepDetector.strongest(ratios)));
        }
        return all;
    }

    /** The runs against the newest run's anchor commit (or anchor name, when no commit was recorded). */
    public static List<CreepRun> currentAnchor(List<CreepRun> history) {
        if (history.isEmpty()) {
            return List.of();
        }
        CreepRun newest = history.get(history.size() - 1);
        return history.stream().filter(run -> newest.anchorCommit() == null
                ? run.anchor().equals(newest.anchor()) : Objects.equals(run.anchorCommit(), newest.anchorCommit())).toList();
    }

    public boolean slower() {
        return step.map(StepDetector.Step::slower).orElse(false);
    }
}
