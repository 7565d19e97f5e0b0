package org.portcullis.bench.compare;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Draws one small line chart per benchmark: its mean score across every baseline file of a
 * history directory (sorted by file name) followed by the current run, saved as a PNG grid.
 *
 * <p>A single regression check only sees two points; the trend shows slow drifts that stay under
 * the threshold each time. Charts are per benchmark because benchmarks differ by orders of
 * magnitude and would flatten each other on a shared axis. Each chart uses the current run's unit;
 * figures are raw (not normalised).
 */
public final class TrendChart {

    /** Size of each small chart, in pixels. */
    private static final int WIDTH = 420;
    private static final int HEIGHT = 280;
    private static final int MAX_COLUMNS = 3;
    private static final String CURRENT_LABEL = "current";

    private TrendChart() {
    }

    /** All {@code *.json} files of {@code directory}, sorted by file name, loaded as result files. */
    public static List<ResultFile> loadHistory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException("history directory not found: " + directory);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .map(ResultFile::load)
                    .toList();
        } catch (IOException e) {
            throw new UsageException("cannot list history directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Renders the trend of every benchmark of {@code current} and writes it as PNG to {@code target}. */
    public static void write(List<ResultFile> history, ResultFile current, Path target) throws IOException {
        List<CategoryChart> charts = charts(history, current);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(grid(charts), "png", target.toFile());
    }

    /** Lays the charts out left to right, top to bottom, at most {@value #MAX_COLUMNS} per row. */
    private static BufferedImage grid(List<CategoryChart> charts) {
        int columns = Math.min(MAX_COLUMNS, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * WIDTH, rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                graphics.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)),
                        (i % columns) * WIDTH, (i / columns) * HEIGHT, null);
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    static List<CategoryChart> charts(List<ResultFile> history, ResultFile current) {
        Map<BenchmarkKey, String> names = BaselineComparer.displayNames(current, current);
        List<CategoryChart> charts = new ArrayList<>();
        for (BenchmarkResult now : current.benchmarks()) {
            List<String> labels = new ArrayList<>();
            List<Double> means = new ArrayList<>();
            for (ResultFile past : history) {
                for (BenchmarkResult then : past.benchmarks()) {
                    if (then.key().equals(now.key()) && then.unit().kind() == now.unit().kind()) {
                        labels.add(label(past.source()));
                        means.add(then.convertedTo(now.unit()).score());
                    }
                }
            }
            labels.add(CURRENT_LABEL);
            means.add(now.score());
            charts.add(chart(names.get(now.key()), now.unit(), labels, means));
        }
        if (charts.isEmpty()) {
            charts.add(chart("no benchmarks in current run", BenchmarkUnit.NS_PER_OP, List.of(CURRENT_LABEL), List.of(0.0)));
        }
        return charts;
    }

    private static CategoryChart chart(String title, BenchmarkUnit unit, List<String> labels, List<Double> means) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle("mean " + unit.label().replace("us/", "\u00b5s/")).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(labels.size() > 4 ? 45 : 0);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.addSeries("mean", labels, means);
        return chart;
    }

    /** The file name without directory and ".json", e.g. "2026-11-27-main". */
    private static String label(String source) {
        String name = Path.of(source).getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
