package org.portcullis.bench.history;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code target/benchmarks/history.html}: per benchmark its ratio series against the anchor, as inline SVG
 * (no script, no link: it opens from disk offline, like ab-report.html).
 *
 * <p>Every benchmark's chart has the same logarithmic y axis and the same x axis (run number), so a 3 %
 * wiggle of bcrypt looks as small as it is beside a 30 % creep of an endpoint, and +50 % is as far above 1×
 * as −33 % is below. A found step is drawn as the median before and after it; red when it is flagged.
 */
final class HistoryChart {
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 560;
    private static final int CHART_HEIGHT = 90;
    private static final int GAP = 18;
    private static final double[] TICKS = {0.25, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 4};
    private static final double LIMIT = 4;

    private HistoryChart() {
    }

    static String svg(List<CreepSeries> series, List<CreepRun> runs) {
        double min = 0.9;
        double max = 1.1;
        for (CreepSeries one : series) {
            for (double ratio : one.ratios()) {
                min = Math.min(min, ratio);
                max = Math.max(max, ratio);
            }
        }
        double low = Math.max(1 / LIMIT, min / 1.03);
        double high = Math.min(LIMIT, max * 1.03);
        int height = series.size() * (CHART_HEIGHT + GAP) + 30;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                LABEL_WIDTH + PLOT_WIDTH + 50, height));
        for (int i = 0; i < series.size(); i++) {
            chart(svg, series.get(i), i * (CHART_HEIGHT + GAP), runs, low, high);
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">run (oldest left);"
                + " head / anchor on one log axis for all; lines: median before and after the step found (red: flagged)</text>%n",
                LABEL_WIDTH + PLOT_WIDTH / 2, height - 10));
        return svg.append("</svg>\n").toString();
    }

    private static void chart(StringBuilder svg, CreepSeries series, int top, List<CreepRun> runs, double low, double high) {
        for (double tick : TICKS) {
            if (tick >= low && tick <= high) {
                double y = y(tick, top, low, high);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
                                + "<text x=\"%d\" y=\"%.1f\" fill=\"#777\">%s×</text>%n",
                        LABEL_WIDTH, y, LABEL_WIDTH + PLOT_WIDTH, y, tick == 1 ? "#444" : "#eee", LABEL_WIDTH + PLOT_WIDTH + 4,
                        y + 3, BigDecimal.valueOf(tick).stripTrailingZeros().toPlainString()));
            }
        }
        boolean flagged = series.slower();
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>%s</text>%n",
                LABEL_WIDTH - 8, top + CHART_HEIGHT / 2, flagged ? " fill=\"#c62828\" font-weight=\"bold\"" : "",
                escape(series.benchmark())));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < series.ratios().size(); i++) {
            double x = x(series, i, runs);
            double y = y(series.ratios().get(i), top, low, high);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1565c0\"/>%n", x, y));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"#90caf9\"/>%n",
                line.toString().trim()));
        series.step().ifPresent(step -> {
            String colour = flagged ? "#c62828" : "#9e9e9e";
            int last = series.ratios().size() - 1;
            svg.append(segment(x(series, 0, runs), x(series, step.at() - 1, runs), y(step.before(), top, low, high), colour))
                    .append(segment(x(series, step.at(), runs), x(series, last, runs), y(step.after(), top, low, high), colour));
        });
    }

    private static String segment(double x1, double x2, double y, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                x1, y, x2, y, colour);
    }

    /** The x of a series' i-th point: its run's place among all runs, so that one night lines up in every chart. */
    private static double x(CreepSeries series, int i, List<CreepRun> runs) {
        int index = runs.indexOf(series.runs().get(i));
        return LABEL_WIDTH + 6 + (PLOT_WIDTH - 12) * (runs.size() <= 1 ? 0.5 : index / (double) (runs.size() - 1));
    }

    private static double y(double ratio, int top, double low, double high) {
        double clipped = Math.max(low, Math.min(high, ratio));
        return top + CHART_HEIGHT - CHART_HEIGHT * Math.log(clipped / low) / Math.log(high / low);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
