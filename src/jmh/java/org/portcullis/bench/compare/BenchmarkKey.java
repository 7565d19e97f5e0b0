package org.portcullis.bench.compare;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Identity of one benchmark result inside a file: the fully qualified JMH name, its mode and
 * its {@code @Param} values.
 *
 * <p>JMH emits one entry per mode and per parameter combination under the same name, so the name
 * alone is not enough to pair baseline and current results.
 */
public record BenchmarkKey(String name, String mode, SortedMap<String, String> params) {

    public BenchmarkKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static BenchmarkKey of(String name, String mode, Map<String, String> params) {
        return new BenchmarkKey(name, mode, new TreeMap<>(params));
    }

    /** {@code Class.method} without the package, followed by {@code [k=v, ...]} when parameterised. */
    public String shortName() {
        String[] parts = name.split("\\.");
        String base = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
        return base + paramSuffix();
    }

    /** The fully qualified name followed by {@code [k=v, ...]} when parameterised. */
    public String fullName() {
        return name + paramSuffix();
    }

    private String paramSuffix() {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", " [", "]"));
    }

    @Override
    public String toString() {
        return shortName() + " (" + mode + ")";
    }
}
