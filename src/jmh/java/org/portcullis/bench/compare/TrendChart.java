package org.portcullis.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * One chart of every benchmark across the baselines of a history directory (sorted by file name) and the
 * current run: each benchmark's mean divided by its first figure in the history, so 1 is "as fast as it
 * first was" and 2 is "twice as slow" (throughputs inverted, so up is slower for every unit).
 *
 * <p>All benchmarks share one logarithmic axis on purpose. A panel per benchmark scaled to its own range
 * draws a 1.8 % wiggle as tall as a 115 % jump, and a reader sees every benchmark "jump"; on a shared
 * ratio axis sizes compare at a glance, and bcrypt and a JWT signature (five orders of magnitude apart in
 * absolute terms) sit side by side. Figures are raw, never normalised.
 */
public final class TrendChart {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
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
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(chart(history, current), target.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(List<ResultFile> history, ResultFile current) {
        List<ResultFile> runs = new ArrayList<>(history);
        runs.add(current);
        List<String> labels = new ArrayList<>(history.stream().map(file -> label(file.source())).toList());
        labels.add(CURRENT_LABEL);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Each benchmark's mean relative to its first run (log scale; up is slower)")
                .xAxisTitle("run").yAxisTitle("mean / first mean").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("0.##\u00d7");
        chart.getStyler().setXAxisLabelRotation(labels.size() > 4 ? 30 : 0);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            int index = (int) Math.round(x);
            return Math.abs(x - index) < 1e-9 && index >= 0 && index < labels.size() ? labels.get(index) : "";
        });
        Map<BenchmarkKey, String> names = BaselineComparer.displayNames(current, current);
        for (BenchmarkResult now : current.benchmarks()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            Double first = null;
            for (int run = 0; run < runs.size(); run++) {
                for (BenchmarkResult then : runs.get(run).benchmarks()) {
                    if (then.key().equals(now.key()) && then.unit().kind() == now.unit().kind()) {
                        double slowness = slowness(then.convertedTo(now.unit()));
                        first = first == null ? slowness : first;
                        xs.add((double) run);
                        ratios.add(slowness / first);
                    }
                }
            }
            chart.addSeries(names.get(now.key()), xs, ratios);
        }
        if (current.benchmarks().isEmpty()) {
            chart.addSeries("no benchmarks in current run", List.of(0.0), List.of(1.0));
        }
        return chart;
    }

    /** Time per operation, whichever way the unit reads, so that a bigger figure is always slower. */
    private static double slowness(BenchmarkResult result) {
        return result.unit().nanosPerOperation(result.score());
    }

    /** The file name without directory and ".json", e.g. "0002_baseline". */
    private static String label(String source) {
        String name = Path.of(source).getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
