package org.portcullis.bench.ab;

import java.util.ArrayList;
import java.util.List;

/**
 * What one forked JVM of the A/B gate runs, and what one sample of each of its benchmarks is.
 *
 * <p>A fork is the unit of a sample because iterations inside one JVM share its JIT compilation and memory
 * layout: two forks of the same code differ by more than the iterations of one fork suggest. So a fork's
 * iterations are short and few (enough warm-up for the code to be compiled, a couple of measured iterations
 * whose mean is the sample) and the confidence comes from many forks. For the latency tests one run of the
 * tests is the fork and the median request of each endpoint its sample.
 *
 * <p>The iteration settings override the classes' {@code @Warmup}/{@code @Measurement} (which serve the
 * longer stored-baseline runs) to fit a whole A/B run, base and head, into six minutes on 2 cores. Both
 * sides get the same settings, so a trend left in short iterations is paired away, not mistaken for a change.
 *
 * <p>JMH runs its benchmarks inside the fork's own JVM ({@code -f 0}): the gate's child JVM already is the
 * fresh process a sample needs, and a JMH-forked JVM per benchmark cost ~2.5 s of start-up each, more than
 * the measurement itself. The benchmarks of a workload then share that JVM in a fixed order (JMH sorts them
 * by name) that is the same for base and head, so what one leaves compiled for the next is paired away too.
 */
public enum Workload {
    /**
     * bcrypt at ~0.3 s an operation: its code is a tight loop the JIT compiles within the first operations,
     * and forks of it differ by ~1 %, so one measured second (3-4 operations) is a sample.
     */
    PASSWORD("PasswordBench", "org.portcullis.bench.PasswordBench", List.of("-wi", "1", "-w", "500ms", "-i", "1", "-r", "1s"),
            Placement.DUET),
    /**
     * JWT signing and verification: microseconds, so a short fork still holds hundreds of thousands of
     * operations; a second of warm-up compiles them (a third iteration moved no A/A pair past the noise).
     * The per-algorithm benches (signRs256 … verifyHs256) are left to {@code make benchmark}: they serve the
     * choice of an algorithm, and the configured one is what createAccessToken and verifyAccessToken run, so
     * the gate would measure it twice and pay 12 s a fork for it.
     *
     * <p>Sequential, each side's fork alone with both cores: held to one core beside the other side's fork, its
     * A/A pairs spread 0.29-0.61 (rms of the log over 100 archived pairs, pairs of 0.5-2.2×, a longer warm-up no
     * better), where forks one after the other gave pairs of 0.82-1.26×, 11 of 16 within 2 %, on the same host
     * (BENCHMARKS.md, "Duet or sequential"). It costs ~8 s a round: two forks of 14 s against one duet of 20 s.
     * Its sequential A/A pairs alone set its boundaries (18 of each since archive 0034); the duet pairs archived
     * before stay in the archive but no longer count.
     */
    TOKEN("TokenBench", "org.portcullis.bench.TokenBench", List.of("-wi", "2", "-w", "500ms", "-i", "2", "-r", "500ms",
            "-e", "\\.(sign|verify)(Rs|Es|Hs)256$"),
            Placement.SEQUENTIAL),
    /**
     * The latency tests, every endpoint's.
     *
     * <p>Alternating: both sides' services up at once and one client ({@link AlternatingLatency}) sending each
     * request to both, so the host's slow stretches fall on both sides alike. Run one after the other, forks
     * of unchanged code spread 11-14 % on a quiet night and twice that on a busy host; alternating, their pairs
     * were 3-4 times tighter (BENCHMARKS.md, "Alternating requests"). Held to one core in a duet, a latency
     * fork (server, client and JIT in one JVM) took 35-80 s instead of 16-20 s and spread wider.
     *
     * <p>Login and register, whose time is the hash, were a sequential workload of their own, so that a round
     * confirming one did not repeat the cheap endpoints' warm-ups; in the alternating services they cost
     * ~10 s a round (fourteen hashes a side) against the ~22 s of two forks of their own (each a JVM and an app
     * started for eight hashes),
     * and the host's slow stretches cancel for them too.
     */
    LATENCY("Latency", LatencyLauncher.TEST_CLASS, List.of(), Placement.ALTERNATING);

    private final String label;
    private final String className;
    private final List<String> jmhOptions;
    private final Placement placement;

    Workload(String label, String className, List<String> jmhOptions, Placement placement) {
        this.label = label;
        this.className = className;
        this.jmhOptions = jmhOptions;
        this.placement = placement;
    }

    /** Whether a client can drive this workload from outside its services ({@link Placement#ALTERNATING}). */
    public boolean alternates() {
        return this == LATENCY;
    }

    /** How base and head forks of this workload share the machine in a round (chosen by A/A spreads). */
    public Placement placement() {
        return placement;
    }

    /** {@code workloads} in declaration order. */
    public static List<Workload> ordered(java.util.Collection<Workload> workloads) {
        return java.util.Arrays.stream(values()).filter(workloads::contains).toList();
    }

    /** The workload a benchmark (full name, e.g. {@code org.portcullis.bench.TokenBench.createAccessToken}) is in. */
    public static Workload of(String benchmark) {
        for (Workload workload : values()) {
            if (benchmark.startsWith(workload.className + ".")) {
                return workload;
            }
        }
        throw new IllegalArgumentException("no A/B workload runs " + benchmark);
    }

    /**
     * The full name of a benchmark given as {@code Class.method} (PasswordBench.verify, EndpointLatencyTest.usersMe)
     * or in full.
     */
    public static String benchmarkName(String name) {
        if (name.startsWith("org.")) {
            return name;
        }
        for (Workload workload : values()) {
            String simple = workload.className.substring(workload.className.lastIndexOf('.') + 1);
            if (name.startsWith(simple + ".")) {
                return workload.className.substring(0, workload.className.lastIndexOf('.') + 1) + name;
            }
        }
        throw new IllegalArgumentException("no A/B workload runs " + name);
    }

    public boolean isJmh() {
        return !className.equals(LatencyLauncher.TEST_CLASS);
    }

    /** A short name, for progress lines and fork logs. */
    public String label() {
        return label;
    }

    /** The full benchmark name of one method of this workload. */
    public String benchmark(String method) {
        return className + "." + method;
    }

    /**
     * The arguments after the main class: JMH's options and its regex, or none for the latency tests (every
     * one of them, so that a latency test added later is measured without anyone listing it here).
     */
    List<String> arguments(String jmhResultFile) {
        if (!isJmh()) {
            return List.of();
        }
        // JMH's GC profiler adds gc.alloc.rate.norm (bytes per operation) to each result, for the gate's
        // allocation signal; it works in this -f 0 JVM too, reading the JVM's per-thread allocation counters.
        List<String> arguments = new ArrayList<>(List.of("-f", "0", "-foe", "true", "-prof", "gc", "-rf", "json",
                "-rff", jmhResultFile));
        arguments.addAll(jmhOptions);
        arguments.add("^" + className.replace(".", "\\.") + "\\.[^.]+$");
        return arguments;
    }
}
