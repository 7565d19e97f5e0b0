package org.portcullis.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portcullis.bench.compare.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code baselines/<platform>/history.jsonl}: the creep runs, one JSON object a line, oldest first.
 *
 * <p>JSON Lines because the file only grows: a run appends one line, so the nightly commit's diff is that
 * line, two branches that each add runs merge without conflict more often than a JSON array would, and a
 * line cut short by a killed job spoils only itself (it is reported, and the rest is read). Per platform
 * like the baselines, since a ratio from another JVM or OS is another series.
 *
 * <pre>{"date", "anchor", "anchorCommit", "headCommit", "seconds",
 *  "benchmarks": {"Class.method": {"ratio", "low", "high", "pairs", "verdict"}}}</pre>
 */
public final class CreepHistory {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CreepHistory() {
    }

    public static void append(Path file, CreepRun run) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, MAPPER.writeValueAsString(toJson(run)) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Every run, oldest first; an unreadable line is reported on {@code skipped} and left out. */
    public static List<CreepRun> read(Path file, List<String> skipped) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no creep history at " + file + " (make benchmark-creep ANCHOR=<tag> writes it)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<CreepRun> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                runs.add(fromJson(MAPPER.readTree(lines.get(i))));
            } catch (IOException | RuntimeException e) {
                skipped.add(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return runs;
    }

    static ObjectNode toJson(CreepRun run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("date", run.date().toString()).put("anchor", run.anchor()).put("anchorCommit", run.anchorCommit())
                .put("headCommit", run.headCommit()).put("seconds", run.seconds());
        ObjectNode benchmarks = root.putObject("benchmarks");
        new TreeMap<>(run.benchmarks()).forEach((name, point) -> {
            ObjectNode entry = benchmarks.putObject(name);
            entry.put("ratio", point.ratio()).put("low", point.low());
            if (Double.isFinite(point.high())) {
                entry.put("high", point.high());
            } else {
                entry.putNull("high");
            }
            entry.put("pairs", point.pairs()).put("verdict", point.verdict());
        });
        return root;
    }

    static CreepRun fromJson(JsonNode root) {
        if (!root.path("benchmarks").isObject() || !root.path("date").isTextual()) {
            throw new IllegalArgumentException("not a creep run (no date or benchmarks)");
        }
        Map<String, CreepRun.Point> points = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("benchmarks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode point = entry.getValue();
            double ratio = point.path("ratio").asDouble(Double.NaN);
            if (!(ratio > 0)) {
                continue;
            }
            points.put(entry.getKey(), new CreepRun.Point(ratio, point.path("low").asDouble(0),
                    point.path("high").isNumber() ? point.get("high").asDouble() : Double.POSITIVE_INFINITY,
                    point.path("pairs").asInt(), point.path("verdict").asText()));
        }
        return new CreepRun(Instant.parse(root.get("date").asText()), root.path("anchor").asText(),
                text(root.get("anchorCommit")), text(root.get("headCommit")), root.path("seconds").asLong(), points);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
