package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * The bcrypt bulkhead: how many hashes run at once ({@code threads}, 0 = one per core), how many may wait
 * ({@code queueSize}), how long one may be expected to wait to start ({@code maxWait}) before the
 * request gets 503, and the window of the capacity gauges ({@code capacityWindow}).
 */
public class BulkheadSettings {
    @Min(0)
    @Max(256)
    private int threads = 0;

    @Min(0)
    @Max(10_000)
    private int queueSize = 16;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration maxWait = Duration.seconds(2);

    /** How far back the capacity gauges look for the time per hash and the hashes asked for. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration capacityWindow = Duration.minutes(1);

    /** The pool size: the configured one, or the number of cores for 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    @JsonProperty
    public int getThreads() {
        return threads;
    }

    @JsonProperty
    public void setThreads(int threads) {
        this.threads = threads;
    }

    @JsonProperty
    public int getQueueSize() {
        return queueSize;
    }

    @JsonProperty
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    @JsonProperty
    public Duration getMaxWait() {
        return maxWait;
    }

    @JsonProperty
    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @JsonProperty
    public Duration getCapacityWindow() {
        return capacityWindow;
    }

    @JsonProperty
    public void setCapacityWindow(Duration capacityWindow) {
        this.capacityWindow = capacityWindow;
    }
}
