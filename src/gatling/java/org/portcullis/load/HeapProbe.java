package org.portcullis.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's live heap: {@code jcmd <pid> GC.run} (a full collection) then {@code GC.heap_info}, the used
 * figures of the heap lines added up (G1 prints one line; the serial and parallel collectors one per
 * generation). Taken once after setup and warm-up and once after the measured phase, the two figures show
 * whether a run leaves memory behind. The service must be a local JVM of the same user (loadtest.mk starts
 * it); the attach mechanism of jcmd is local-only.
 *
 * <p>Beware what the service keeps by design: the rows a run writes (sessions of logins) and, on H2, the
 * database's page cache grow with the run; the endpoint timers' windows are histograms and do not.
 */
final class HeapProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final Path report;
    private long startKib = -1;

    /** @param report file for the figures, as loadtest.mk reads them ({@code loadtest.heapFile}); may be null */
    HeapProbe(long pid, Path report) {
        this.pid = pid;
        this.report = report;
    }

    static HeapProbe fromSystemProperties(LoadSettings settings) {
        String file = System.getProperty("loadtest.heapFile");
        return new HeapProbe(settings.appPid(), file == null || file.isBlank() ? null : Path.of(file));
    }

    void start() {
        if (pid > 0) {
            startKib = liveHeapKib();
            System.out.printf(Locale.ROOT, "heap after full GC, start: %.1f MiB%n", startKib / 1024.0);
        }
    }

    void end() {
        if (pid <= 0 || startKib < 0) {
            return;
        }
        long endKib = liveHeapKib();
        double change = 100.0 * (endKib - startKib) / startKib;
        String summary = String.format(Locale.ROOT,
                "heap after full GC: start %.1f MiB, end %.1f MiB, change %+.1f %%", startKib / 1024.0,
                endKib / 1024.0, change);
        System.out.println(summary);
        if (report != null) {
            String lines = String.format(Locale.ROOT, "start_kib=%d%nend_kib=%d%nchange_percent=%.1f%n",
                    startKib, endKib, change);
            try {
                Files.createDirectories(report.toAbsolutePath().getParent());
                Files.writeString(report, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.out.println("heap: could not write " + report + ": " + e.getMessage());
            }
        }
    }

    private long liveHeapKib() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        long used = 0;
        for (String line : info.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                break;
            }
            Matcher matcher = USED.matcher(line);
            if (matcher.find()) {
                used += Long.parseLong(matcher.group(1));
            }
        }
        if (used == 0) {
            throw new IllegalStateException("heap: no used figure in jcmd GC.heap_info output:\n" + info);
        }
        return used;
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("heap: jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("heap: cannot run jcmd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("heap: interrupted", e);
        }
    }
}
