package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * {@code latencyGuard.limiter}: the adaptive concurrency limit (Gradient2) in front of the cheap endpoints.
 * It starts at {@code initialLimit} requests in flight and moves between {@code minLimit} and
 * {@code maxLimit} as it watches their latency; a request beyond it gets 503 with
 * {@code Retry-After: retryAfter}.
 */
public class LimiterSettings {
    private boolean enabled = true;

    @Min(1)
    @Max(100_000)
    private int initialLimit = 32;

    @Min(1)
    @Max(100_000)
    private int minLimit = 20;

    @Min(1)
    @Max(100_000)
    private int maxLimit = 200;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration retryAfter = Duration.seconds(1);

    @JsonIgnore
    @ValidationMethod(message = "limiter: minLimit <= initialLimit <= maxLimit")
    public boolean isInitialLimitWithinTheBounds() {
        return minLimit <= initialLimit && initialLimit <= maxLimit;
    }

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public int getInitialLimit() {
        return initialLimit;
    }

    @JsonProperty
    public void setInitialLimit(int initialLimit) {
        this.initialLimit = initialLimit;
    }

    @JsonProperty
    public int getMinLimit() {
        return minLimit;
    }

    @JsonProperty
    public void setMinLimit(int minLimit) {
        this.minLimit = minLimit;
    }

    @JsonProperty
    public int getMaxLimit() {
        return maxLimit;
    }

    @JsonProperty
    public void setMaxLimit(int maxLimit) {
        this.maxLimit = maxLimit;
    }

    @JsonProperty
    public Duration getRetryAfter() {
        return retryAfter;
    }

    @JsonProperty
    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }
}
