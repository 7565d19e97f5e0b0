package org.portcullis.bench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one fork counted for one benchmark besides its time: SQL statements and bytes allocated per operation
 * (per request for the latency tests), read from the JMH secondary metrics {@value #STATEMENTS} (written by
 * the latency tests from the server's own counters) and {@value #ALLOCATION} (JMH's GC profiler; the latency
 * tests write the same name). Counts, not timings: a machine that is busy changes neither, so the gate can
 * compare them exactly where it must compare times through noise.
 *
 * @param statements SQL statements per operation, absent for a benchmark that does not count them
 * @param bytes      bytes allocated per operation, absent where nothing measured them
 */
public record CountedWork(OptionalDouble statements, OptionalDouble bytes) {
    static final String STATEMENTS = "sql.statements.norm";
    static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Per benchmark of a JMH result array (the fork's JSON file, or the latency tests' latency.json), the work
     * its secondary metrics counted; benchmarks that counted nothing are left out. A base that predates the
     * counting simply has none, and the gate compares nothing for it.
     */
    public static Map<String, CountedWork> read(Path jmhJson) throws IOException {
        Map<String, CountedWork> work = new HashMap<>();
        for (JsonNode entry : MAPPER.readTree(jmhJson.toFile())) {
            JsonNode secondary = entry.path("secondaryMetrics");
            CountedWork counted = new CountedWork(score(secondary.path(STATEMENTS)), score(secondary.path(ALLOCATION)));
            if (counted.statements().isPresent() || counted.bytes().isPresent()) {
                work.put(entry.path("benchmark").asText(), counted);
            }
        }
        return work;
    }

    private static OptionalDouble score(JsonNode metric) {
        JsonNode score = metric.path("score");
        return score.isNumber() && Double.isFinite(score.asDouble()) ? OptionalDouble.of(score.asDouble())
                : OptionalDouble.empty();
    }
}
