package org.portcullis.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured phase: the service by thread group (bcrypt, the JIT, the
 * request threads, GC), the load generator (this JVM), the rest of the machine, and what stayed idle. Read
 * from Linux's {@code /proc} at the start and the end of the phase.
 *
 * <p>Every scenario here runs the load generator on the service's own cores, so a goal missed under load is
 * first a question of who had the CPU: logins served below capacity while the JIT compiled, or a served
 * p99 in seconds while the generator itself queued. This prints the answer with every run instead of leaving
 * it to someone with {@code top} open.
 *
 * <p>A thread that ends during the phase takes its per-thread figures with it; its time still counts in the
 * process total, so the groups are the threads alive at the end and "other" is the process total less them.
 */
final class CpuSplit {
    /** Thread groups of the service by the start of their name ({@code comm}, cut to 15 characters). */
    private static final Map<String, List<String>> GROUPS = groups();

    private final long servicePid;
    private final double ticksPerSecond;
    private Snapshot start;

    CpuSplit(long servicePid, double ticksPerSecond) {
        this.servicePid = servicePid;
        this.ticksPerSecond = ticksPerSecond;
    }

    static CpuSplit fromSystemProperties(LoadSettings settings) {
        return new CpuSplit(settings.appPid(), Double.parseDouble(LoadSettings.property("clockTicks", "100")));
    }

    void start() {
        try {
            start = available() ? snapshot() : null;
        } catch (UncheckedIOException e) {
            start = null;
        }
    }

    /**
     * Prints the split since {@link #start()} as one line; nothing when /proc or the service could not be read
     * at the start, and "not measured" when they cannot be read now (an open model that exhausted this JVM's
     * file descriptors cannot open /proc either: the run's own figures matter more).
     */
    void end() {
        if (start == null) {
            return;
        }
        Snapshot end;
        try {
            end = snapshot();
        } catch (UncheckedIOException e) {
            System.out.println("cpu over the measured phase: not measured (" + e.getCause().getMessage() + ")");
            return;
        }
        long service = end.serviceTotal - start.serviceTotal;
        long generator = end.generator - start.generator;
        long busy = end.machineBusy - start.machineBusy;
        long total = end.machineTotal - start.machineTotal;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "cpu over the measured phase (%.1f s, %.1f core-seconds): service %.1f s (",
                (end.nanos - start.nanos) / 1e9, seconds(total), seconds(service)));
        long grouped = 0;
        for (String group : GROUPS.keySet()) {
            long ticks = end.serviceGroups.getOrDefault(group, 0L) - start.serviceGroups.getOrDefault(group, 0L);
            grouped += ticks;
            line.append(String.format(Locale.ROOT, "%s %.1f, ", group, seconds(ticks)));
        }
        line.append(String.format(Locale.ROOT, "other %.1f), load generator %.1f s, rest of the machine %.1f s, idle %.1f s",
                seconds(service - grouped), seconds(generator), seconds(Math.max(0, busy - service - generator)),
                seconds(total - busy)));
        System.out.println(line);
    }

    private double seconds(long ticks) {
        return ticks / ticksPerSecond;
    }

    private boolean available() {
        return servicePid > 0 && Files.isReadable(Path.of("/proc/stat"))
                && Files.isDirectory(Path.of("/proc", Long.toString(servicePid), "task"));
    }

    private Snapshot snapshot() {
        long nanos = System.nanoTime();
        long[] machine = machineTicks();
        long serviceTotal = processTicks(Path.of("/proc", Long.toString(servicePid), "stat"));
        long generator = processTicks(Path.of("/proc/self/stat"));
        Map<String, Long> groups = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(servicePid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String group = groupOf(name);
                    if (group != null) {
                        groups.merge(group, processTicks(task.resolve("stat")), Long::sum);
                    }
                } catch (IOException | UncheckedIOException threadEnded) {
                    // The thread ended between the listing and the read: its time stays in the process total.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(nanos, machine[0], machine[1], serviceTotal, generator, groups);
    }

    private static String groupOf(String threadName) {
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            if (group.getValue().stream().anyMatch(threadName::startsWith)) {
                return group.getKey();
            }
        }
        return null;
    }

    /** The first line of /proc/stat: busy ticks (all but idle and iowait) and all ticks, over every core. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            // cpu user nice system idle iowait irq softirq steal (guest times are already in user and nice)
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime of a /proc/.../stat line; the name in parentheses may hold spaces, so count from its end. */
    private static long processTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("bcrypt", List.of("bcrypt-"));
        groups.put("JIT", List.of("C1 CompilerThre", "C2 CompilerThre"));
        groups.put("request threads", List.of("dw-"));
        groups.put("GC", List.of("GC Thread", "G1 "));
        return groups;
    }

    private record Snapshot(long nanos, long machineBusy, long machineTotal, long serviceTotal, long generator,
                            Map<String, Long> serviceGroups) {
    }
}
