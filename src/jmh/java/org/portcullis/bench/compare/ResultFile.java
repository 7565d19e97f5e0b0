package org.portcullis.bench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One benchmark run on disk: machine and commit metadata plus the JMH-format results.
 *
 * <p>Every way a file can be unusable (missing, not JSON, wrong shape) becomes a
 * {@link UsageException} naming the file, so CI logs say what to fix instead of showing a trace.
 */
public record ResultFile(String source, MachineInfo machine, String commitId, boolean dirty, String datetime,
        List<BenchmarkResult> benchmarks) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ResultFile {
        benchmarks = List.copyOf(benchmarks);
    }

    /** Reads and validates a result file. */
    public static ResultFile load(Path path) {
        return parse(read(path), path.toString());
    }

    /** Parses result-file JSON; {@code source} names it in error messages. */
    public static ResultFile parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UsageException("invalid JSON in " + source + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UsageException(source + " is not a JSON object");
        }
        JsonNode entries = root.get("benchmarks");
        if (entries == null || !entries.isArray()) {
            throw new UsageException(source + " has no 'benchmarks' list");
        }
        List<BenchmarkResult> benchmarks = benchmarks(entries, source);
        JsonNode commit = root.path("commit_info");
        return new ResultFile(source, MachineInfo.fromJson(root.get("machine_info")),
                commit.path("id").asText(""), commit.path("dirty").asBoolean(false), root.path("datetime").asText(""), benchmarks);
    }

    /** Reads a plain JMH result file (a JSON array, as {@code -rf json} writes it). */
    public static List<BenchmarkResult> loadJmhArray(Path path) {
        JsonNode root;
        try {
            root = MAPPER.readTree(read(path));
        } catch (JsonProcessingException e) {
            throw new UsageException("invalid JSON in " + path + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new UsageException(path + " is not a JSON array of JMH results");
        }
        return benchmarks(root, path.toString());
    }

    /** The JMH entries of {@code entries}, each key once. */
    private static List<BenchmarkResult> benchmarks(JsonNode entries, String source) {
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        Set<BenchmarkKey> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            BenchmarkResult result;
            try {
                result = BenchmarkJson.parse(entries.get(i), i);
            } catch (UsageException e) {
                throw new UsageException(source + ": " + e.getMessage(), e);
            }
            if (!seen.add(result.key())) {
                throw new UsageException(source + ": duplicate benchmark " + result.key());
            }
            benchmarks.add(result);
        }
        return benchmarks;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new UsageException("result file not found: " + path);
        } catch (IOException e) {
            throw new UsageException("cannot read result file " + path + ": " + e.getMessage(), e);
        }
    }
}
