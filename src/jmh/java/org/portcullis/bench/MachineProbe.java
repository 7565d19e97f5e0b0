package org.portcullis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code machine_info} of a result file: what the comparator checks before trusting a comparison
 * (see {@link org.portcullis.bench.compare.MachineInfo#COMPARED_KEYS}, the same keys in the same order).
 */
public final class MachineProbe {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private MachineProbe() {
    }

    /** os, arch, cpu, cores, jvm_vendor, jvm_version of this JVM and host. */
    public static Map<String, Object> current() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("os", System.getProperty("os.name"));
        info.put("arch", System.getProperty("os.arch"));
        info.put("cpu", cpuModel(readCpuinfo()).orElse(System.getProperty("os.arch")));
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

    private static List<String> readCpuinfo() {
        try {
            return Files.isReadable(CPUINFO) ? Files.readAllLines(CPUINFO) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
