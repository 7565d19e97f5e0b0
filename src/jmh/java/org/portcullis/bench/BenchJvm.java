package org.portcullis.bench;

/**
 * The JVM flags every benchmark fork runs with, JMH's and the latency tests' alike. Left to the JVM, heap size
 * and collector follow the machine's memory and core count, so two runs on different runners (or one runner
 * under a different memory limit) would compare different collectors; pinned, they compare code. JMH records
 * them in each result's {@code jvmArgs}.
 */
public final class BenchJvm {
    public static final String HEAP_MIN = "-Xms512m";
    public static final String HEAP_MAX = "-Xmx512m";
    public static final String GC = "-XX:+UseG1GC";

    private BenchJvm() {
    }
}
