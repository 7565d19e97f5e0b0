package org.portcullis.bench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pairs of every A/A run (base and head the same commit, clean tree) of one platform, kept in the repository
 * under {@code baselines/<platform>/aa-runs/NNNN_<commit>.json}: what unchanged code measures against itself
 * on this kind of machine, from which the {@link NoiseModel} sets each benchmark's false-alarm boundary. A run
 * is a few kilobytes (per benchmark its placement and its pairs' two figures), so the archive can grow for
 * years; a machine change (other CPU, other runner) starts a new platform directory or, if it keeps the
 * name, is seen as wider boundaries until its runs dominate.
 */
public final class NoiseArchive {
    private static final Pattern RUN = Pattern.compile("(\\d{4})_[A-Za-z0-9._-]+\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One benchmark's pairs of log ratios (head/base) from one placement, over every archived run. */
    public record Pool(String benchmark, Placement placement, List<Double> logRatios) {
    }

    private final Map<String, Pool> pools;
    private final int runs;

    private NoiseArchive(Map<String, Pool> pools, int runs) {
        this.pools = pools;
        this.runs = runs;
    }

    public static NoiseArchive empty() {
        return new NoiseArchive(Map.of(), 0);
    }

    /** Every run in {@code directory}; an absent directory is an empty archive. */
    public static NoiseArchive load(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return empty();
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        int runs = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> RUN.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                JsonNode run = JSON.readTree(file.toFile());
                runs++;
                run.path("benchmarks").fields().forEachRemaining(entry -> {
                    Placement placement = Placement.parse(entry.getValue().path("placement").asText());
                    Pool pool = pools.computeIfAbsent(key(entry.getKey(), placement),
                            k -> new Pool(entry.getKey(), placement, new ArrayList<>()));
                    for (JsonNode pair : entry.getValue().path("pairs")) {
                        double base = pair.get(0).asDouble();
                        double head = pair.get(1).asDouble();
                        if (base > 0 && head > 0) {
                            pool.logRatios().add(Math.log(head / base));
                        }
                    }
                });
            }
        }
        return new NoiseArchive(pools, runs);
    }

    /**
     * Adds one A/A run as the next numbered file.
     *
     * @param placements the placement each benchmark was measured with
     */
    public static Path append(Path directory, String commit, long seed, Observations observations,
                              Map<String, Placement> placements) throws IOException {
        Files.createDirectories(directory);
        int next = 1;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher matcher = RUN.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    next = Math.max(next, Integer.parseInt(matcher.group(1)) + 1);
                }
            }
        }
        ObjectNode run = JSON.createObjectNode();
        run.put("date", Instant.now().toString());
        run.put("commit", commit);
        run.put("seed", seed);
        run.put("cpus", Runtime.getRuntime().availableProcessors());
        ObjectNode benchmarks = run.putObject("benchmarks");
        for (String benchmark : observations.paired()) {
            ObjectNode entry = benchmarks.putObject(benchmark);
            entry.put("placement", placements.get(benchmark).label());
            entry.put("unit", observations.unit(benchmark).label());
            ArrayNode pairs = entry.putArray("pairs");
            for (PairedRatio.Pair pair : observations.pairs(benchmark)) {
                pairs.addArray().add(pair.base()).add(pair.head());
            }
        }
        String safeCommit = commit.replaceAll("[^A-Za-z0-9._-]", "");
        Path file = directory.resolve(String.format("%04d_%s.json", next, safeCommit.isEmpty() ? "run" : safeCommit));
        Files.writeString(file, JSON.writeValueAsString(run), java.nio.file.StandardOpenOption.CREATE_NEW);
        return file;
    }

    public Pool pool(String benchmark, Placement placement) {
        return pools.get(key(benchmark, placement));
    }

    public List<Pool> pools() {
        return List.copyOf(pools.values());
    }

    public int runs() {
        return runs;
    }

    private static String key(String benchmark, Placement placement) {
        return benchmark + "@" + placement.label();
    }
}
