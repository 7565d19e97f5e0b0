package org.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.portcullis.bench.compare.UsageException;

/**
 * The benchmarks of a run as a plain JMH array that other tools read: github-action-benchmark's {@code jmh}
 * tool (a top-level array; benchmark, primaryMetric.score and scoreUnit, measurementIterations, forks and
 * threads) and Bencher's {@code java_jmh} adapter (also a numeric scoreError and a secondaryMetrics object).
 *
 * <p>JMH itself writes {@code "scoreError": "NaN"} (a string, since JSON has no NaN) when a result has a
 * single value, which both tools refuse. Here the error is computed from rawData when JMH left it out, as
 * JMH would (99.9 % Student's t); a result with fewer than two raw values has no error at all, and the export
 * stops naming it rather than invent one.
 */
public final class JmhExport {
    private static final double CONFIDENCE = 0.999;

    private JmhExport() {
    }

    /** A copy of {@code benchmarks} in which every entry has a numeric scoreError and the fields the tools read. */
    public static ArrayNode of(ArrayNode benchmarks) {
        ArrayNode export = benchmarks.deepCopy();
        for (JsonNode node : export) {
            ObjectNode entry = (ObjectNode) node;
            String name = entry.path("benchmark").asText("(unnamed)");
            for (String field : new String[] {"forks", "threads", "measurementIterations"}) {
                if (!entry.path(field).isNumber()) {
                    throw new UsageException("cannot export " + name + ": no numeric '" + field + "'");
                }
            }
            if (!entry.path("secondaryMetrics").isObject()) {
                entry.set("secondaryMetrics", JsonNodeFactory.instance.objectNode());
            }
            ObjectNode metric = (ObjectNode) entry.path("primaryMetric");
            if (!metric.path("scoreError").isNumber() || !Double.isFinite(metric.path("scoreError").asDouble())) {
                double error = errorFromRawData(metric.path("rawData"), name);
                double score = metric.path("score").asDouble();
                metric.put("scoreError", error);
                metric.set("scoreConfidence", JsonNodeFactory.instance.arrayNode().add(score - error).add(score + error));
            }
        }
        return export;
    }

    private static double errorFromRawData(JsonNode rawData, String name) {
        SummaryStatistics values = new SummaryStatistics();
        rawData.forEach(fork -> fork.forEach(value -> values.addValue(value.asDouble())));
        if (values.getN() < 2) {
            throw new UsageException("cannot export " + name + ": it has " + values.getN() + " measured value(s) and"
                    + " so no error estimate; run at least two measurement iterations");
        }
        double t = new TDistribution(values.getN() - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return t * values.getStandardDeviation() / Math.sqrt(values.getN());
    }
}
