package org.portcullis.bench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portcullis.bench.CommitInfo;
import org.portcullis.bench.compare.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/benchmarks/ab-result.json}: one gate run for programs (the creep history, the bisect step),
 * where the Markdown and HTML reports are for people. Per benchmark one of three verdicts ({@link #SLOWER},
 * {@link #SAME}, {@link #UNDECIDED}) with the ratio and interval it rests on; an interval end that is not a
 * number (one pair: 0 to ∞) is written as null.
 *
 * <pre>{"base": {"label", "commit"}, "head": {"label", "commit", "dirty"}, "date", "seed", "seconds", "only",
 *  "fails", "benchmarks": [{"name", "verdict", "ratio", "low", "high", "pairs", "threshold", "pair_ratios",
 *  "statements": {"base", "head"}}], "missing", "errors"}</pre>
 *
 * <p>"pair_ratios" are the pairs themselves (head/base, in the order measured): what the bisection pools when
 * it measured BAD twice (files written before they were kept read back with none).
 *
 * <p>"statements" (SQL statements per request) is there for a benchmark that counts them and whose forks
 * agreed on each side: what the bisection tells an N+1 commit by.
 */
public final class GateJson {
    public static final String SLOWER = "slower";
    public static final String SAME = "same";
    public static final String UNDECIDED = "undecided";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One benchmark's outcome: name is Class.method, ratio head/base with its interval [low, high], and the
     * SQL statements per request of each side where both were counted and steady, and each pair's ratio.
     */
    public record Benchmark(String name, String verdict, double ratio, double low, double high, int pairs,
                            double threshold, Optional<Statements> statements, List<Double> pairRatios) {
        public Benchmark {
            pairRatios = List.copyOf(pairRatios);
        }
    }

    /** SQL statements per request, base and head. */
    public record Statements(double base, double head) {
    }

    /** A run as read back; commits are full hashes, null when git could not tell. */
    public record Run(String baseLabel, String baseCommit, String headLabel, String headCommit, Instant date,
                      long seed, long seconds, Optional<String> only, List<Benchmark> benchmarks) {
        public Optional<Benchmark> benchmark(String name) {
            return benchmarks.stream().filter(b -> b.name().equals(name)).findFirst();
        }
    }

    private GateJson() {
    }

    /** The gate's verdict as the file spells it. */
    static String verdict(Judgement judgement) {
        return switch (judgement.verdict()) {
            case SLOWER -> SLOWER;
            case SAME -> SAME;
            case UNDECIDED -> UNDECIDED;
        };
    }

    public static void write(GateResult result, Path baseDir, Path headDir, Optional<String> only, Instant date,
                             Path target) throws IOException {
        CommitInfo base = CommitInfo.of(baseDir.toAbsolutePath());
        CommitInfo head = CommitInfo.of(headDir.toAbsolutePath());
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("base").put("label", result.baseLabel()).put("commit", base.id());
        root.putObject("head").put("label", result.headLabel()).put("commit", head.id()).put("dirty", head.dirty());
        root.put("date", date.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("seed", result.seed());
        root.put("seconds", result.seconds());
        root.put("only", only.orElse(null));
        root.put("fails", result.fails());
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (Judgement judgement : result.judgements()) {
            ObjectNode entry = benchmarks.addObject().put("name", judgement.name()).put("verdict", verdict(judgement));
            number(entry, "ratio", judgement.overall().ratio());
            number(entry, "low", judgement.overall().low());
            number(entry, "high", judgement.overall().high());
            entry.put("pairs", judgement.overall().pairs()).put("threshold", judgement.limit());
            ArrayNode pairRatios = entry.putArray("pair_ratios");
            judgement.pairs().forEach(pair -> pairRatios.add(pair.head() / pair.base()));
            result.work().statements().stream().filter(counts -> counts.benchmark().equals(judgement.benchmark()))
                    .filter(counts -> counts.baseCount().isPresent() && counts.headCount().isPresent())
                    .findFirst().ifPresent(counts -> entry.putObject("statements")
                            .put("base", counts.baseCount().get()).put("head", counts.headCount().get()));
        }
        result.missing().forEach(root.putArray("missing")::add);
        result.errors().forEach(root.putArray("errors")::add);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, MAPPER.writeValueAsString(root) + "\n");
    }

    /** @throws UsageException when the file is missing or not a gate result */
    public static Run read(Path file) {
        try {
            return parse(MAPPER.readTree(Files.readString(file)), file);
        } catch (NoSuchFileException e) {
            throw new UsageException("gate result not found: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read gate result " + file + ": " + e.getMessage(), e);
        }
    }

    static Run parse(JsonNode root, Path file) {
        if (root == null || !root.path("benchmarks").isArray() || !root.path("base").isObject()) {
            throw new UsageException(file + " is not a gate result (ab-result.json)");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (JsonNode entry : root.get("benchmarks")) {
            benchmarks.add(new Benchmark(entry.path("name").asText(), entry.path("verdict").asText(),
                    number(entry.get("ratio"), Double.NaN), number(entry.get("low"), 0),
                    number(entry.get("high"), Double.POSITIVE_INFINITY), entry.path("pairs").asInt(),
                    number(entry.get("threshold"), Double.NaN), statements(entry.get("statements")),
                    ratios(entry.path("pair_ratios"))));
        }
        return new Run(root.path("base").path("label").asText(), text(root.path("base").get("commit")),
                root.path("head").path("label").asText(), text(root.path("head").get("commit")),
                Instant.parse(root.path("date").asText()), root.path("seed").asLong(), root.path("seconds").asLong(),
                Optional.ofNullable(text(root.get("only"))), List.copyOf(benchmarks));
    }

    private static List<Double> ratios(JsonNode node) {
        List<Double> ratios = new ArrayList<>();
        node.forEach(ratio -> ratios.add(ratio.asDouble()));
        return ratios;
    }

    private static Optional<Statements> statements(JsonNode node) {
        return node == null || !node.isObject() ? Optional.empty()
                : Optional.of(new Statements(node.path("base").asDouble(), node.path("head").asDouble()));
    }

    private static void number(ObjectNode entry, String field, double value) {
        if (Double.isFinite(value)) {
            entry.put(field, value);
        } else {
            entry.putNull(field);
        }
    }

    private static double number(JsonNode node, double fallback) {
        return node == null || node.isNull() ? fallback : node.asDouble();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
