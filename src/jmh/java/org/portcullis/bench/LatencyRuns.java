package org.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several runs of the latency tests as one JMH entry per endpoint whose forks are the runs: each run is a
 * fresh JVM and app, so it is one independent sample of the endpoint (its median request, for the
 * comparator), as a JMH fork is. rawData holds one list per run, each in the order the requests were sent;
 * score and percentiles are over every request; the error is left for {@link JmhExport} to compute from
 * rawData. An endpoint missing from some runs (its test failed there) keeps the runs it has.
 */
final class LatencyRuns {
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0};

    private LatencyRuns() {
    }

    static ArrayNode asForks(List<ArrayNode> runs) {
        Map<String, List<ObjectNode>> byBenchmark = new LinkedHashMap<>();
        for (ArrayNode run : runs) {
            run.forEach(entry -> byBenchmark.computeIfAbsent(entry.path("benchmark").asText(), name -> new ArrayList<>())
                    .add((ObjectNode) entry));
        }
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        byBenchmark.values().forEach(entries -> merged.add(merge(entries)));
        return merged;
    }

    private static ObjectNode merge(List<ObjectNode> entries) {
        ObjectNode merged = entries.get(0).deepCopy();
        ObjectNode metric = (ObjectNode) merged.get("primaryMetric");
        ArrayNode rawData = metric.putArray("rawData");
        List<Double> all = new ArrayList<>();
        for (ObjectNode entry : entries) {
            JsonNode requests = entry.at("/primaryMetric/rawData/0");
            rawData.add(requests.deepCopy());
            requests.forEach(value -> all.add(value.asDouble()));
        }
        double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
        merged.put("forks", entries.size());
        metric.put("score", all.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        metric.remove(List.of("scoreError", "scoreConfidence"));
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        Percentile percentile = new Percentile();
        for (double p : PERCENTILES) {
            double value = p == 0.0 ? all.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                    : percentile.evaluate(values, p);
            percentiles.put(String.format(Locale.ROOT, "%.1f", p), value);
        }
        return merged;
    }
}
