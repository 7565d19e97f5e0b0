package org.portcullis.bench.history;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The creep history as text: one console row per benchmark (runs, latest and median ratio, the step found
 * and whether it is flagged), the next command for a flagged one, and the HTML page around {@link HistoryChart}.
 */
final class HistoryTable {
    private static final String[] HEADERS = {"Benchmark", "Runs", "Latest", "Median", "Step before → after",
        "At run (date, head)", "z", "Flag"};

    private HistoryTable() {
    }

    static void print(List<CreepSeries> series, List<CreepRun> current, int total, PrintStream out) {
        if (current.isEmpty()) {
            out.println("The creep history is empty.");
            return;
        }
        CreepRun newest = current.get(current.size() - 1);
        out.println(String.format(Locale.ROOT, "Creep against %s (%s): %d runs, %s to %s%s", newest.anchor(),
                abbreviate(newest.anchorCommit()), current.size(), current.get(0).date(), newest.date(),
                total > current.size() ? "; " + (total - current.size()) + " earlier runs against other anchors not judged" : ""));
        int width = series.stream().mapToInt(s -> s.benchmark().length()).max().orElse(9);
        out.println(String.format(Locale.ROOT, "%-" + width + "s %5s %9s %9s  %-22s %-34s %6s  %s", (Object[]) HEADERS));
        for (CreepSeries one : series) {
            String[] cells = cells(one, current);
            out.println(String.format(Locale.ROOT, "%-" + width + "s %5s %9s %9s  %-22s %-34s %6s  %s", (Object[]) cells));
        }
        for (CreepSeries one : series) {
            if (one.slower()) {
                StepDetector.Step step = one.step().orElseThrow();
                out.println(String.format(Locale.ROOT, "SLOWER STEP: %s %s → %s (%+.1f %%) from run %d on; between those"
                                + " two nights: make benchmark-bisect GOOD=%s BAD=%s BENCH=%s (a slow creep is wider:"
                                + " GOOD=%s for all of it)",
                        one.benchmark(), HistoryCli.ratio(step.before()), HistoryCli.ratio(step.after()),
                        (step.shift() - 1) * 100, current.indexOf(one.runs().get(step.at())) + 1,
                        one.runs().get(step.at() - 1).shortHead(), one.runs().get(step.at()).shortHead(), one.benchmark(),
                        one.runs().get(0).shortHead()));
            }
        }
        long flagged = series.stream().filter(CreepSeries::slower).count();
        out.println(flagged == 0 ? "OK: no benchmark stepped slower (" + series.size() + " series)"
                : "FAIL: " + flagged + " benchmark" + (flagged == 1 ? "" : "s") + " stepped slower");
    }

    static String html(List<CreepSeries> series, List<CreepRun> current, String source) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Benchmark creep</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.fail{color:#c62828;font-weight:bold}</style></head><body>\n"
                + "<h1>Benchmark creep</h1>\n<p>")
                .append(HistoryChart.escape(source)).append(current.isEmpty() ? ": no runs" : ": " + current.size()
                        + " runs against " + HistoryChart.escape(current.get(current.size() - 1).anchor()))
                .append("</p>\n").append(HistoryChart.svg(series, current)).append("<table>\n<tr>");
        for (String header : HEADERS) {
            page.append("<th>").append(HistoryChart.escape(header)).append("</th>");
        }
        page.append("</tr>\n");
        for (CreepSeries one : series) {
            page.append(one.slower() ? "<tr class=\"fail\">" : "<tr>");
            for (String cell : cells(one, current)) {
                page.append("<td>").append(HistoryChart.escape(cell)).append("</td>");
            }
            page.append("</tr>\n");
        }
        return page.append("</table>\n</body></html>\n").toString();
    }

    private static String[] cells(CreepSeries one, List<CreepRun> current) {
        List<Double> ratios = one.ratios();
        double median = ratios.stream().sorted().skip((ratios.size() - 1) / 2).limit(2 - ratios.size() % 2)
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        String shift = "";
        String at = "";
        String z = "";
        String flag = one.ratios().size() < 2 * StepDetector.MIN_SEGMENT ? "too few runs" : "";
        if (one.step().isPresent()) {
            StepDetector.Step step = one.step().get();
            CreepRun first = one.runs().get(step.at());
            shift = HistoryCli.ratio(step.before()) + " → " + HistoryCli.ratio(step.after());
            at = String.format(Locale.ROOT, "%d (%s, %s)", current.indexOf(first) + 1,
                    first.date().toString().substring(0, 10), first.shortHead());
            z = String.format(Locale.ROOT, "%.1f", step.z());
            flag = step.slower() ? "SLOWER" : step.faster() ? "faster" : "none";
        }
        return new String[] {one.benchmark(), String.valueOf(ratios.size()),
            HistoryCli.ratio(ratios.get(ratios.size() - 1)), HistoryCli.ratio(median), shift, at, z, flag};
    }

    private static String abbreviate(String commit) {
        return commit == null ? "commit unknown" : commit.substring(0, Math.min(7, commit.length()));
    }
}
