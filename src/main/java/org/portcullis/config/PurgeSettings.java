package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * The scheduled purge of dead rows. Every {@code interval} each instance deletes sessions that expired or
 * were revoked more than {@code retention} ago, and throttle rows whose window has closed. The retention
 * keeps recent revocations in the table for an operator reconstructing an incident.
 */
public class PurgeSettings {
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration interval = Duration.hours(1);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    private Duration retention = Duration.days(7);

    @JsonProperty
    public Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    @JsonProperty
    public Duration getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
