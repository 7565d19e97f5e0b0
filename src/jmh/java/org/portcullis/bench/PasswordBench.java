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
import org.portcullis.service.PasswordHasher;

import java.util.concurrent.TimeUnit;

/*
 * What: one bcrypt hash (registration, password change) and one bcrypt verification (every login) with
 * PasswordHasher at config.yml's cost (BCRYPT_COST, default 12), in milliseconds per operation.
 *
 * Why: bcrypt is the service's deliberate bottleneck. Logins per second per core is about 1 / verify, so
 * this figure is the capacity plan, and a change of cost (or of library) shows here first.
 *
 * What could make the number lie:
 *  - Dead code: bcrypt has no side effects, so an unused result could in principle be eliminated; both
 *    methods return their result and JMH consumes it.
 *  - Constant folding / caching: the password is a @State field, not a literal, and jbcrypt caches
 *    nothing, so every call does the full 2^cost rounds. hash() also draws a fresh salt each time, as the
 *    service does, so its SecureRandom cost is included on purpose.
 *  - The cost: it comes from config.yml (with environment substitution). A baseline made at cost 12
 *    compared with a run at BCRYPT_COST=14 shows a 4x "regression" that is a configuration change.
 *  - Forks: three short forks, each one sample for the comparator. bcrypt is one hot loop, compiled within the
 *    first second, and its fork-to-fork noise is ~1 %, so short iterations cost it little precision.
 *  - Few operations: at ~0.3 s an operation, a 1 s iteration holds only a handful, and JMH lets the last
 *    one finish, so iterations run a little long; the per-iteration averages are still honest.
 *  - A verification that failed would be as slow as one that succeeded (bcrypt does not stop early), so
 *    the setup checks once that the precomputed hash really matches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgs = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.GC})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class PasswordBench {
    private PasswordHasher hasher;
    private String password;
    private String storedHash;

    @Setup
    public void setUp() {
        hasher = ProductionConfig.passwordHasher(ProductionConfig.load());
        password = "correct horse battery staple";
        storedHash = hasher.hash(password);
        if (!hasher.matches(password, storedHash)) {
            throw new IllegalStateException("the precomputed hash does not verify");
        }
    }

    @Benchmark
    public String hash() {
        return hasher.hash(password);
    }

    @Benchmark
    public boolean verify() {
        return hasher.matches(password, storedHash);
    }
}
