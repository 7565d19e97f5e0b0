package org.portcullis.bench.ab;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One chart of every benchmark's head/base ratio with its interval against its threshold, as inline SVG
 * (the report opens from disk with no network and no script).
 *
 * <p>All rows share one logarithmic axis, so a +2 % and a +115 % change look as different as they are, and
 * 2× slower lies as far right of 1 as 2× faster lies left. (A chart per benchmark, each scaled to its own
 * range, draws every wiggle full height and makes every benchmark look like it jumped.) The axis stops at
 * 10× either way; an interval reaching beyond is clipped at the edge.
 */
final class RatioChart {
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 520;
    private static final int ROW_HEIGHT = 24;
    private static final int AXIS_HEIGHT = 40;
    private static final double[] TICKS = {0.1, 0.25, 0.5, 0.8, 1, 1.25, 1.5, 2, 3, 4, 8, 10};
    /** The axis never spans more than this either side of 1: an interval reaching further is drawn clipped. */
    private static final double LIMIT = 10;

    /** One row: the benchmark, its ratio and interval, its threshold and whether it failed. */
    record Row(String name, double ratio, double low, double high, double threshold, boolean failed) {
    }

    private RatioChart() {
    }

    static String svg(List<Row> rows) {
        double min = 0.8;
        double max = 1.5;
        for (Row row : rows) {
            min = Math.min(min, finiteOr(row.low(), row.ratio()));
            max = Math.max(max, Math.max(row.threshold(), finiteOr(row.high(), row.ratio())));
        }
        Axis axis = new Axis(Math.max(1 / LIMIT, Math.min(min, 1 / max) * 0.95), Math.min(LIMIT, max * 1.05));
        int height = rows.size() * ROW_HEIGHT + AXIS_HEIGHT;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                LABEL_WIDTH + PLOT_WIDTH + 20, height));
        for (double tick : TICKS) {
            if (tick >= axis.min && tick <= axis.max) {
                double x = axis.x(tick);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n"
                                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s×</text>%n",
                        x, x, rows.size() * ROW_HEIGHT, tick == 1 ? "#444" : "#ddd", x, rows.size() * ROW_HEIGHT + 16,
                        BigDecimal.valueOf(tick).stripTrailingZeros().toPlainString()));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">head / base (log scale);"
                + " dot: median ratio, bar: interval, red tick: threshold</text>%n",
                LABEL_WIDTH + PLOT_WIDTH / 2, rows.size() * ROW_HEIGHT + 34));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = i * ROW_HEIGHT + ROW_HEIGHT / 2;
            String colour = row.failed() ? "#c62828" : "#1565c0";
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n"
                            + "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>%n"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c62828\" stroke-width=\"2\"/>%n",
                    LABEL_WIDTH - 8, y + 4, escape(row.name()),
                    axis.x(row.low()), y, axis.x(row.high()), y, colour,
                    axis.x(row.ratio()), y, colour,
                    axis.x(row.threshold()), y - 8, axis.x(row.threshold()), y + 8));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) && value > 0 ? value : fallback;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Ratio to x on the shared log axis; values outside (an interval of one pair: 0 to ∞) are clipped. */
    private record Axis(double min, double max) {
        double x(double ratio) {
            double clipped = Math.max(min, Math.min(max, ratio));
            return LABEL_WIDTH + PLOT_WIDTH * Math.log(clipped / min) / Math.log(max / min);
        }
    }
}
