package org.portcullis.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portcullis.bench.compare.ResultFile;
import org.portcullis.bench.compare.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes target/benchmarks/results.json: JMH's own JSON and the latency tests' JMH-format results in one
 * envelope with the machine, the commit and the time. The {@code benchmarks} array alone stays valid JMH
 * JSON, so JMH visualisers read it too; the envelope is what the comparator's {@link ResultFile} reads,
 * and every merged file is parsed back with it, so a file this class writes is one the gate accepts.
 */
public final class ResultsFile {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    /**
     * The JMH results followed by the latency results, whose runs become the forks of one entry per endpoint
     * ({@link LatencyRuns}). JMH's file must exist (no benchmarks ran otherwise); a missing latency run is
     * only a warning (its tests did not run or wrote nothing), and the comparator names an endpoint that
     * is missing altogether.
     */
    public static ArrayNode benchmarks(Path jmh, List<Path> latencyRuns, PrintStream warnings) {
        ArrayNode all = MAPPER.createArrayNode();
        all.addAll(readArray(jmh));
        List<ArrayNode> runs = new ArrayList<>();
        for (Path run : latencyRuns) {
            if (Files.exists(run)) {
                runs.add(readArray(run));
            } else {
                warnings.println("WARNING: " + run + " not found; the latency tests did not run or wrote nothing");
            }
        }
        all.addAll(LatencyRuns.asForks(runs));
        return all;
    }

    /** The result-file envelope: machine_info, commit_info, datetime (ISO-8601 UTC), benchmarks. */
    public static ObjectNode envelope(Map<String, Object> machine, CommitInfo commit, Instant datetime,
                                      ArrayNode benchmarks) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("machine_info", MAPPER.valueToTree(machine));
        root.set("commit_info", MAPPER.valueToTree(commit.toMap()));
        root.put("datetime", datetime.truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("benchmarks", benchmarks);
        return root;
    }

    /** Writes {@code envelope} to {@code target} and returns it as the comparator reads it. */
    public static ResultFile write(ObjectNode envelope, Path target) throws IOException {
        String json = MAPPER.writeValueAsString(envelope);
        ResultFile parsed = ResultFile.parse(json, target.toString());
        writeJson(json, target);
        return parsed;
    }

    /** Writes a plain JMH array (jmh-results.json). */
    public static void writeArray(ArrayNode benchmarks, Path target) throws IOException {
        writeJson(MAPPER.writeValueAsString(benchmarks), target);
    }

    private static void writeJson(String json, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, json + System.lineSeparator());
    }

    private static ArrayNode readArray(Path file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("result file not found: " + file);
        } catch (JsonProcessingException e) {
            throw new UsageException("invalid JSON in " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (node == null || !node.isArray()) {
            throw new UsageException(file + " is not a JSON array of JMH results");
        }
        return (ArrayNode) node;
    }
}
