package org.portcullis.bench.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A base checkout the gate CLI takes for built (its latency launcher's class file present, a classpath file),
 * for tests that run {@link AbCli} over a {@link FakeForkRunner} with this build as the head.
 */
final class FakeBuiltBase {
    private FakeBuiltBase() {
    }

    /** Makes {@code base} look built and returns the CLI's arguments for it: both classpaths, seed 3, reports in {@code out}. */
    static List<String> arguments(Path base, Path out) throws IOException {
        Path classpath = built(base);
        return new ArrayList<>(List.of("--base-dir", base.toString(), "--base-classpath", classpath.toString(),
                "--head-classpath", classpath.toString(), "--seed", "3", "--out", out.toString()));
    }

    /** Makes {@code checkout} look built and returns its classpath file. */
    static Path built(Path checkout) throws IOException {
        Path launcher = checkout.resolve("target/test-classes/org/portcullis/bench/ab/LatencyLauncher.class");
        Files.createDirectories(launcher.getParent());
        Files.write(launcher, new byte[0]);
        return Files.writeString(checkout.resolve("classpath.txt"), "dep.jar");
    }
}
