package org.portcullis.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Turns one JMH JSON result object into a {@link BenchmarkResult}.
 *
 * <p>Kept apart from {@link ResultFile} because the JMH entry format has many optional parts
 * (scoreError may be the string "NaN", sample mode may carry rawDataHistogram instead of rawData)
 * and each needs a precise error message naming the offending benchmark.
 */
final class BenchmarkJson {

    private BenchmarkJson() {
    }

    static BenchmarkResult parse(JsonNode entry, int index) {
        String name = requiredText(entry, "benchmark", "benchmarks[" + index + "]");
        String where = "benchmark " + name;
        JsonNode metric = entry.get("primaryMetric");
        if (metric == null || !metric.isObject()) {
            throw new UsageException(where + " has no primaryMetric object");
        }
        String mode = entry.path("mode").asText("");
        BenchmarkKey key = BenchmarkKey.of(name, mode, params(entry.get("params")));
        BenchmarkUnit unit = BenchmarkUnit.parse(requiredText(metric, "scoreUnit", where));
        double score = number(metric.get("score"), where + " score");
        if (!Double.isFinite(score)) {
            throw new UsageException(where + " has no numeric score");
        }
        double scoreError = number(metric.get("scoreError"), where + " scoreError");
        double[] raw = rawData(metric.get("rawData"), where);
        StatisticalSummary samples = raw.length > 0 ? summarize(forkSamples(metric.get("rawData"), mode, where))
                : histogram(metric.get("rawDataHistogram"), where);
        return new BenchmarkResult(key, unit, score, scoreError, confidence(metric.get("scoreConfidence"), where),
                percentiles(metric.get("scorePercentiles"), where), raw, samples);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UsageException(where + " has no '" + field + "' string");
        }
        return value.asText();
    }

    /** A JSON number, or NaN when absent/null/"NaN"; other text is an error. */
    private static double number(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                throw new UsageException(what + " is not a number: '" + node.asText() + "'");
            }
        }
        throw new UsageException(what + " is not a number");
    }

    private static Map<String, String> params(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        return params;
    }

    private static Interval confidence(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.size() != 2) {
            return null;
        }
        double low = number(node.get(0), where + " scoreConfidence");
        double high = number(node.get(1), where + " scoreConfidence");
        return Double.isFinite(low) && Double.isFinite(high) ? new Interval(low, high) : null;
    }

    private static Map<Double, Double> percentiles(JsonNode node, String where) {
        Map<Double, Double> result = new TreeMap<>();
        if (node == null || !node.isObject()) {
            return result;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            try {
                double value = number(field.getValue(), where + " percentile " + field.getKey());
                if (Double.isFinite(value)) {
                    result.put(Double.parseDouble(field.getKey()), value);
                }
            } catch (NumberFormatException e) {
                throw new UsageException(where + " has a bad percentile key '" + field.getKey() + "'");
            }
        }
        return result;
    }

    /** rawData is a list of forks, each a list of iteration or request scores. */
    private static double[] rawData(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return new double[0];
        }
        if (!node.isArray()) {
            throw new UsageException(where + " rawData is not a list of lists");
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : node) {
            if (!fork.isArray()) {
                throw new UsageException(where + " rawData is not a list of lists");
            }
            for (JsonNode value : fork) {
                values.add(number(value, where + " rawData value"));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    }

    /**
     * One sample per fork: its mean, or for single-shot entries (the latency tests, one request per value) its
     * median, the figure the A/B gate pairs too. Iterations of one fork share its JIT compilation and memory
     * layout, so they are not independent samples of the code's speed; forks are.
     */
    private static double[] forkSamples(JsonNode rawData, String mode, String where) {
        List<Double> samples = new ArrayList<>();
        for (JsonNode fork : rawData) {
            List<Double> values = new ArrayList<>();
            fork.forEach(value -> values.add(number(value, where + " rawData value")));
            double[] finite = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            if (finite.length > 0) {
                samples.add(mode.equals("ss") ? new Median().evaluate(finite) : new Mean().evaluate(finite));
            }
        }
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static StatisticalSummary summarize(double[] values) {
        SummaryStatistics statistics = new SummaryStatistics();
        for (double value : values) {
            statistics.addValue(value);
        }
        return statistics.getSummary();
    }

    /**
     * JMH sample mode: forks → iterations → [value, count] pairs. Summarised with weights so that
     * millions of samples are never expanded into memory.
     */
    private static StatisticalSummary histogram(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<double[]> pairs = new ArrayList<>();
        for (JsonNode fork : node) {
            for (JsonNode iteration : fork) {
                for (JsonNode pair : iteration) {
                    double value = number(pair.get(0), where + " rawDataHistogram value");
                    double count = number(pair.get(1), where + " rawDataHistogram count");
                    if (Double.isFinite(value) && count > 0) {
                        pairs.add(new double[] {value, count});
                    }
                }
            }
        }
        double n = pairs.stream().mapToDouble(p -> p[1]).sum();
        if (n < 1) {
            return null;
        }
        double sum = pairs.stream().mapToDouble(p -> p[0] * p[1]).sum();
        double mean = sum / n;
        double squares = pairs.stream().mapToDouble(p -> p[1] * (p[0] - mean) * (p[0] - mean)).sum();
        double variance = n > 1 ? squares / (n - 1) : Double.NaN;
        double min = pairs.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double max = pairs.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        return new StatisticalSummaryValues(mean, variance, (long) n, max, min, sum);
    }
}
