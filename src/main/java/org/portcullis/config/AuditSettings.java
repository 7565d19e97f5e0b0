package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The audit trail: how long events are kept (the purge deletes older ones) and how many one read returns. */
public class AuditSettings {
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration retention = Duration.days(90);

    /** The most events admin GET /audit returns at once ({@code ?limit=} defaults to 100). */
    @Min(1)
    @Max(10_000)
    private int maxPage = 1000;

    @JsonProperty
    public Duration getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    @JsonProperty
    public int getMaxPage() {
        return maxPage;
    }

    @JsonProperty
    public void setMaxPage(int maxPage) {
        this.maxPage = maxPage;
    }
}
