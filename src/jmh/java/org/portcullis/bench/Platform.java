package org.portcullis.bench;

import java.util.List;
import java.util.Locale;

/**
 * The name of the baselines directory a run belongs to, like pytest-benchmark's {@code Linux-CPython-3.12-64bit}:
 * OS, JVM implementation, Java feature version and data model, e.g. {@code Linux-OpenJDK-17-64bit}.
 *
 * <p>Runs on different platforms are not compared by default because a JVM or OS change moves every figure
 * at once; finer differences (CPU model, vendor build, update release) stay inside one directory and are
 * reported by the comparator's machine_info warning instead, since splitting on them would leave most runs
 * without a baseline.
 */
public final class Platform {
    /** Implementation names, most specific first: GraalVM also says "OpenJDK" or "HotSpot" in its VM name. */
    private static final List<String> KNOWN_JVMS = List.of("GraalVM", "OpenJ9", "HotSpot", "OpenJDK");

    private Platform() {
    }

    /** This JVM's platform. */
    public static String current() {
        String dataModel = System.getProperty("sun.arch.data.model", "");
        int bits = dataModel.isEmpty()
                ? (System.getProperty("os.arch", "").contains("64") ? 64 : 32)
                : Integer.parseInt(dataModel);
        return of(System.getProperty("os.name", "unknown"), System.getProperty("java.vm.name", ""),
                Runtime.version().feature(), bits);
    }

    /**
     * @param osName  Java's {@code os.name}
     * @param vmName  Java's {@code java.vm.name}, e.g. "OpenJDK 64-Bit Server VM"
     */
    public static String of(String osName, String vmName, int featureVersion, int bits) {
        return os(osName) + "-" + jvm(vmName) + "-" + featureVersion + "-" + bits + "bit";
    }

    /** "Linux", "Darwin" (as Python names macOS), "Windows", else the name without spaces. */
    static String os(String osName) {
        if (osName.startsWith("Windows")) {
            return "Windows";
        }
        if (osName.startsWith("Mac")) {
            return "Darwin";
        }
        String compact = osName.replaceAll("[^A-Za-z0-9]", "");
        return compact.isEmpty() ? "unknown" : compact;
    }

    /** The JVM implementation's short name, e.g. "OpenJDK" for "OpenJDK 64-Bit Server VM". */
    static String jvm(String vmName) {
        String lower = vmName.toLowerCase(Locale.ROOT);
        for (String known : KNOWN_JVMS) {
            if (lower.contains(known.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        String first = vmName.trim().split("\\s+")[0].replaceAll("[^A-Za-z0-9]", "");
        return first.isEmpty() ? "JVM" : first;
    }
}
