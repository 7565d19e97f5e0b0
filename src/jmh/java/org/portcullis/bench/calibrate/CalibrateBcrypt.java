package org.portcullis.bench.calibrate;

import org.portcullis.PortcullisConfiguration;
import org.portcullis.bench.CommandOptions;
import org.portcullis.bench.ProductionConfig;
import org.portcullis.bench.compare.UsageException;
import org.portcullis.config.LatencyBudget;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code make calibrate-bcrypt}: the highest bcrypt cost whose logins still fit config.yml's login budget on
 * this machine. For each cost the service jar is started at that cost ({@link ServiceUnderCalibration}),
 * driven by as many clients as it has bcrypt threads ({@link LoginDriver}), and judged
 * ({@link CalibrationTable}). Costs run one after another, never two services at once.
 *
 * <p>Exit codes: 0 a cost was recommended, 1 no cost fits (or a service failed to start), 2 usage.
 */
public final class CalibrateBcrypt {
    private static final Set<String> OPTIONS = Set.of("--jar", "--costs", "--warmup", "--seconds", "--work-dir");
    /** Costs either side of config.yml's when none are given: 12 gives 10..14, about 3 minutes here. */
    private static final int DEFAULT_SPREAD = 2;

    private CalibrateBcrypt() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Settings settings;
        PortcullisConfiguration config;
        try {
            CommandOptions options = CommandOptions.parse(args, Set.of(), Set.of(), OPTIONS);
            config = ProductionConfig.load();
            settings = Settings.of(options, config.getPasswords().getBcryptCost());
        } catch (UsageException e) {
            err.println("calibrate-bcrypt: " + e.getMessage());
            err.println("usage: make calibrate-bcrypt [COSTS=10..14 | COSTS=11,12,13] [CALIBRATE_SECONDS=10]");
            return 2;
        }
        int threads = config.getPasswords().getBulkhead().effectiveThreads();
        LatencyBudget budget = config.getLatencyGuard().getBudgets().get("login");
        CalibrationTable table = new CalibrationTable(budget.getMean().toJavaDuration(), budget.getP99().toJavaDuration());
        out.printf("calibrate-bcrypt: costs %s, %d clients (the bcrypt threads), %d s warm-up + %d s measured each;"
                        + " config.yml cost %d, login budget mean %s, p99 %s%n", settings.costs(), threads,
                settings.warmup().toSeconds(), settings.measured().toSeconds(), config.getPasswords().getBcryptCost(),
                budget.getMean(), budget.getP99());
        List<CalibrationTable.Row> rows = new ArrayList<>();
        try {
            for (int cost : settings.costs()) {
                CalibrationTable.Row row = measure(settings, cost, threads);
                out.printf("  cost %d: %d logins, p99 %.0f ms%n", cost, row.logins(), row.loginP99Seconds() * 1000);
                rows.add(row);
            }
        } catch (Exception e) {
            err.println("calibrate-bcrypt: " + e.getMessage());
            return 1;
        }
        out.println();
        out.print(table.render(rows));
        out.println();
        Optional<CalibrationTable.Row> best = table.recommendation(rows);
        if (best.isEmpty()) {
            out.printf("No cost of %s fits the login budget on this machine.%n", settings.costs());
            return 1;
        }
        CalibrationTable.Row row = best.get();
        out.printf("Recommended: BCRYPT_COST=%d, the highest measured cost whose logins fit the login budget here"
                        + " (p99 %.0f ms, mean %.0f ms, about %.1f logins/s on %d bcrypt threads).%n", row.cost(),
                row.loginP99Seconds() * 1000, row.loginMeanSeconds() * 1000, row.servedPerSecond(), threads);
        return 0;
    }

    private static CalibrationTable.Row measure(Settings settings, int cost, int threads) throws Exception {
        Path directory = settings.workDir().resolve("cost-" + cost);
        deleteRecursively(directory);
        try (ServiceUnderCalibration service = ServiceUnderCalibration.start(settings.jar(), cost, directory)) {
            List<String> bodies = service.loginBodies(threads);
            LoginDriver.Phase phase = new LoginDriver(service.api()).run(bodies, settings.warmup(), settings.measured());
            double capacity = service.gauge("portcullis.capacity.logins-per-second");
            long[] sorted = phase.durations().stream().mapToLong(Long::longValue).sorted().toArray();
            return new CalibrationTable.Row(cost, sorted.length, phase.errors(), threads / capacity,
                    mean(sorted) / 1e9, p99(sorted) / 1e9, sorted.length / (phase.elapsedNanos() / 1e9), capacity);
        }
    }

    private static double mean(long[] sorted) {
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return sorted.length == 0 ? Double.NaN : sum / sorted.length;
    }

    /** Nearest rank: with fewer than 100 logins, the slowest one. */
    static double p99(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The command line, checked before any service starts. */
    record Settings(Path jar, List<Integer> costs, Duration warmup, Duration measured, Path workDir) {
        static Settings of(CommandOptions options, int configuredCost) {
            List<Integer> costs = options.single("--costs").map(CalibrateBcrypt::costs)
                    .orElseGet(() -> range(Math.max(4, configuredCost - DEFAULT_SPREAD),
                            Math.min(31, configuredCost + DEFAULT_SPREAD)));
            Path jar = options.path("--jar", Path.of("target/app.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new UsageException("no service jar at " + jar + " (make build)");
            }
            return new Settings(jar, costs, Duration.ofSeconds(options.number("--warmup", 5, 0)),
                    Duration.ofSeconds(options.number("--seconds", 10, 1)),
                    options.path("--work-dir", Path.of("target/calibrate")));
        }
    }

    /** "10..14", "11,12,13" or "11 12 13": bcrypt costs 4..31, measured in ascending order. */
    static List<Integer> costs(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.matches("\\d+\\s*\\.\\.\\s*\\d+")) {
                String[] ends = trimmed.split("\\.\\.");
                return range(check(Integer.parseInt(ends[0].trim())), check(Integer.parseInt(ends[1].trim())));
            }
            TreeSet<Integer> costs = new TreeSet<>();
            for (String part : trimmed.split("[,\\s]+")) {
                costs.add(check(Integer.parseInt(part)));
            }
            return List.copyOf(costs);
        } catch (NumberFormatException e) {
            throw new UsageException("COSTS must be a range like 10..14 or a list like 11,12,13, got '" + text + "'");
        }
    }

    private static List<Integer> range(int from, int to) {
        if (from > to) {
            throw new UsageException("the range of costs " + from + ".." + to + " is empty");
        }
        List<Integer> costs = new ArrayList<>();
        for (int cost = from; cost <= to; cost++) {
            costs.add(cost);
        }
        return costs;
    }

    private static int check(int cost) {
        if (cost < 4 || cost > 31) {
            throw new UsageException("a bcrypt cost is 4..31, got " + cost);
        }
        return cost;
    }
}
