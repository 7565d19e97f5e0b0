package org.portcullis.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** Builds synthetic result files in the pytest-benchmark-like envelope with JMH-format entries. */
final class ResultFixtures {

    static final String PKG = "org.portcullis.bench.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultFixtures() {
    }

    /** {@code count} normally distributed values around {@code mean} with relative spread {@code relSd}. */
    static double[] samples(double mean, double relSd, int count, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, count)
                .mapToDouble(i -> mean * (1 + relSd * random.nextGaussian()))
                .toArray();
    }

    /** A multiple of every value, used to build "n× slower" runs. */
    static double[] times(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }

    /** An entry with rawData of one fork per value (each value a fork's sample) and score = their mean. */
    static ObjectNode entry(String name, String mode, String unit, double... raw) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("benchmark", PKG + name);
        entry.put("mode", mode);
        entry.put("threads", 1);
        ObjectNode metric = entry.putObject("primaryMetric");
        metric.put("score", Arrays.stream(raw).average().orElseThrow());
        metric.put("scoreUnit", unit);
        ArrayNode forks = metric.putArray("rawData");
        Arrays.stream(raw).forEach(value -> forks.addArray().add(value));
        return entry;
    }

    /** A time-per-op average-time entry with raw data. */
    static ObjectNode avgt(String name, String unit, double... raw) {
        return entry(name, "avgt", unit, raw);
    }

    /** A throughput entry with raw data. */
    static ObjectNode thrpt(String name, String unit, double... raw) {
        return entry(name, "thrpt", unit, raw);
    }

    /** An entry without rawData: only score, scoreError (NaN = written as JMH's "NaN") and its 99.9 % interval. */
    static ObjectNode summary(String name, String unit, double score, double error) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("benchmark", PKG + name);
        entry.put("mode", "avgt");
        ObjectNode metric = entry.putObject("primaryMetric");
        metric.put("score", score);
        metric.put("scoreUnit", unit);
        if (Double.isNaN(error)) {
            metric.put("scoreError", "NaN");
        } else {
            metric.put("scoreError", error);
            metric.putArray("scoreConfidence").add(score - error).add(score + error);
        }
        return entry;
    }

    static ObjectNode machine(String cpu, int cores) {
        ObjectNode machine = MAPPER.createObjectNode();
        machine.put("os", "Linux");
        machine.put("arch", "amd64");
        machine.put("cpu", cpu);
        machine.put("cpu_flags", "aes avx2 sha_ni");
        machine.put("cores", cores);
        machine.put("jvm_vendor", "Eclipse Adoptium");
        machine.put("jvm_version", "17.0.15");
        return machine;
    }

    /** The whole file as JSON text. */
    static String json(ObjectNode machine, ObjectNode... entries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("machine_info", machine);
        ObjectNode commit = root.putObject("commit_info");
        commit.put("id", "0123abc");
        commit.put("branch", "main");
        commit.put("dirty", false);
        commit.put("time", "2026-11-27T06:55:00Z");
        root.put("datetime", "2026-11-27T07:00:00Z");
        ArrayNode benchmarks = root.putArray("benchmarks");
        Arrays.stream(entries).forEach(benchmarks::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file on a standard machine. */
    static Path write(Path dir, String fileName, ObjectNode... entries) {
        return writeOn(dir, fileName, machine("Intel Xeon 8375C", 2), entries);
    }

    /** Writes a file with the given machine_info. */
    static Path writeOn(Path dir, String fileName, ObjectNode machine, ObjectNode... entries) {
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json(machine, entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Parses entries directly into a {@link ResultFile}. */
    static ResultFile parse(ObjectNode... entries) {
        return ResultFile.parse(json(machine("cpu", 2), entries), "fixture.json");
    }

    /** The single benchmark of a one-entry fixture. */
    static BenchmarkResult result(ObjectNode entry) {
        return parse(entry).benchmarks().get(0);
    }
}
