package org.portcullis.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The machine a result file was produced on.
 *
 * <p>Only the keys that change benchmark timings are compared; a mismatch does not fail the build
 * but is worth a warning, because a baseline from another CPU or JVM explains a "regression"
 * better than a code change does (and is what {@code --normalize} is for).
 */
public record MachineInfo(Map<String, String> values) {

    /** Keys whose difference makes two runs hard to compare. */
    public static final List<String> COMPARED_KEYS =
            List.of("os", "arch", "cpu", "cpu_flags", "cores", "jvm_vendor", "jvm_version");

    public MachineInfo {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static MachineInfo fromJson(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (String key : COMPARED_KEYS) {
                JsonNode value = node.get(key);
                if (value != null && !value.isNull()) {
                    values.put(key, value.asText());
                }
            }
        }
        return new MachineInfo(values);
    }

    /** The compared keys whose values differ (a key missing on one side counts as different). */
    public List<String> differingKeys(MachineInfo other) {
        List<String> keys = new ArrayList<>();
        for (String key : COMPARED_KEYS) {
            if (!Objects.equals(values.get(key), other.values.get(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A one-line warning naming the differing keys, or empty when the machines match. */
    public String mismatchWarning(MachineInfo current) {
        List<String> keys = differingKeys(current);
        if (keys.isEmpty()) {
            return "";
        }
        List<String> details = new ArrayList<>();
        for (String key : keys) {
            details.add(key + " (baseline '" + values.getOrDefault(key, "?") + "', current '"
                    + current.values.getOrDefault(key, "?") + "')");
        }
        return "WARNING: machine_info differs: " + String.join(", ", details)
                + "; timings may not be comparable (consider --normalize)";
    }
}
