package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The most an endpoint's recent window may take: on average, and at the 99th percentile. */
public class LatencyBudget {
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.NANOSECONDS)
    private Duration mean;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.NANOSECONDS)
    private Duration p99;

    public LatencyBudget() {
    }

    public LatencyBudget(Duration mean, Duration p99) {
        this.mean = mean;
        this.p99 = p99;
    }

    @JsonProperty
    public Duration getMean() {
        return mean;
    }

    @JsonProperty
    public void setMean(Duration mean) {
        this.mean = mean;
    }

    @JsonProperty
    public Duration getP99() {
        return p99;
    }

    @JsonProperty
    public void setP99(Duration p99) {
        this.p99 = p99;
    }
}
