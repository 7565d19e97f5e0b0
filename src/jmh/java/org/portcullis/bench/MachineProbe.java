package org.portcullis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code machine_info} of a result file: what the comparator checks before trusting a comparison
 * (see {@link org.portcullis.bench.compare.MachineInfo#COMPARED_KEYS}, the same keys in the same order).
 */
public final class MachineProbe {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    /**
     * The CPU features that change how fast the JDK's SHA-256 (the normalisation ruler), AES or vector code
     * runs: with SHA instructions the ruler is ~2× faster while bcrypt and HTTP are not, so normalising
     * between machines that differ here would rescale a real regression away.
     */
    private static final Set<String> RULER_FLAGS = Set.of("sha_ni", "sha", "sha1", "sha2", "sha512", "avx2",
            "avx512f", "bmi2", "aes", "pmull");

    private MachineProbe() {
    }

    /** os, arch, cpu, cpu_flags, cores, jvm_vendor, jvm_version of this JVM and host. */
    public static Map<String, Object> current() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("os", System.getProperty("os.name"));
        info.put("arch", System.getProperty("os.arch"));
        List<String> cpuinfo = readCpuinfo();
        info.put("cpu", cpuModel(cpuinfo).orElse(System.getProperty("os.arch")));
        info.put("cpu_flags", cpuFlags(cpuinfo));
        info.put("cores", Runtime.getRuntime().availableProcessors());
        info.put("jvm_vendor", System.getProperty("java.vendor"));
        info.put("jvm_version", System.getProperty("java.version"));
        return info;
    }

    /** The first "model name" of /proc/cpuinfo (x86; "Model" on some ARM boards), if there is one. */
    static Optional<String> cpuModel(List<String> cpuinfo) {
        for (String key : List.of("model name", "Model")) {
            for (String line : cpuinfo) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String value = line.substring(colon + 1).trim();
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The ruler-relevant features of the first "flags" (x86) or "Features" (ARM) line, sorted and
     * space-separated; "unknown" without /proc/cpuinfo, which never matches, so NORMALIZE is refused there.
     */
    static String cpuFlags(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            String key = colon > 0 ? line.substring(0, colon).trim() : "";
            if (key.equals("flags") || key.equals("Features")) {
                return Arrays.stream(line.substring(colon + 1).trim().split("\\s+")).filter(RULER_FLAGS::contains)
                        .sorted().distinct().collect(Collectors.joining(" "));
            }
        }
        return "unknown";
    }

    private static List<String> readCpuinfo() {
        try {
            return Files.isReadable(CPUINFO) ? Files.readAllLines(CPUINFO) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
