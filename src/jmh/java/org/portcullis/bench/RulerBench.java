package org.portcullis.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/*
 * What: SHA-256 over one fixed 64 KiB buffer, pure JDK, in microseconds per digest. It touches no
 * Portcullis code on purpose.
 *
 * Why: it is the ruler of `make benchmark-check NORMALIZE=1`. Its work never changes with our code, so
 * when it gets 2x slower between a baseline and a run, the machine (a busier CI runner, another CPU) got
 * 2x slower, and the comparator divides that out of every other figure. The comparator finds it by its
 * name, which must keep ending in "RulerBench.sha256".
 *
 * What could make the number lie:
 *  - Dead code: the digest is returned and consumed by JMH.
 *  - Constant folding: the buffer is filled at setup from a seeded Random, not a literal, and SHA-256 is
 *    far beyond what the JIT could fold anyway.
 *  - It measures one core's integer and memory speed, and on x86 and ARM whether the JVM uses the SHA
 *    instructions: a machine with a different CPU feature set moves the ruler more than it moves bcrypt or
 *    HTTP, so normalisation across very different machines stays an approximation.
 *  - The buffer fits in L2, so memory bandwidth barely shows; that keeps it stable on a noisy host.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgs = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.GC})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class RulerBench {
    static final int BUFFER_BYTES = 64 * 1024;

    private MessageDigest digest;
    private byte[] buffer;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        digest = MessageDigest.getInstance("SHA-256");
        buffer = new byte[BUFFER_BYTES];
        new Random(42).nextBytes(buffer);
    }

    @Benchmark
    public byte[] sha256() {
        return digest.digest(buffer);
    }
}
