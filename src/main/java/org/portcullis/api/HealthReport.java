package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;

/** GET /health: {@code healthy} with 200, {@code unhealthy} with 503. */
public record HealthReport(
        @JsonProperty("status") String status,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("version") String version,
        @JsonProperty("checks") Map<String, Check> checks) {

    public record Check(@JsonProperty("status") String status) {
    }
}
