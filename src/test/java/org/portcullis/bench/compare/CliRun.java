package org.portcullis.bench.compare;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The captured outcome of one {@link CompareCli#run} call. */
record CliRun(int exit, String out, String err) {

    /** Runs the CLI with explicit arguments. */
    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CompareCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Compares two files, writing report.md and trend.png into {@code outputDir}. */
    static CliRun compare(Path outputDir, Path base, Path current, String... extra) {
        List<String> args = new ArrayList<>(List.of("--base", base.toString(), "--current", current.toString(),
                "--report", outputDir.resolve("report.md").toString(),
                "--chart", outputDir.resolve("trend.png").toString()));
        args.addAll(Arrays.asList(extra));
        return of(args.toArray(String[]::new));
    }
}
