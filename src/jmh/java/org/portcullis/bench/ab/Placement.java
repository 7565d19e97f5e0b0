package org.portcullis.bench.ab;

/**
 * Where the base and head forks of one round of a workload run.
 *
 * <p>{@link #DUET}: both at once, each held to its own core ({@code taskset}, and
 * {@code -XX:ActiveProcessorCount=1} so the JVM sizes its compiler, collector and Jetty pools for that one
 * core), the cores swapped every round. A neighbour that slows the machine for a while then slows both sides
 * of the pair at the same moment, which running them one after the other cannot promise (Bulej et al.,
 * "Duet benchmarking", 2020). {@link #SEQUENTIAL}: one after the other, the side that goes first drawn at
 * random, each with every core. {@link #ALTERNATING}: every side's service up at once and one client sending
 * each request to every side in turn, so the host's slow stretches fall on both sides request by request
 * (only the Latency workload, whose client can drive a service from outside). Which one a workload uses is
 * decided by its A/A spreads (BENCHMARKS.md).
 */
public enum Placement {
    SEQUENTIAL("sequential"),
    DUET("duet"),
    ALTERNATING("alternating");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Placement parse(String text) {
        for (Placement placement : values()) {
            if (placement.label.equals(text)) {
                return placement;
            }
        }
        throw new org.portcullis.bench.compare.UsageException("placement must be duet, sequential or alternating, got '" + text + "'");
    }
}
