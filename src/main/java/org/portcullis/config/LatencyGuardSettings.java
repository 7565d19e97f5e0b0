package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.portcullis.api.EndpointTimers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code latencyGuard} in config.yml: how far back the endpoint timers look, how many requests a window
 * needs before it is judged, and the budget of each endpoint, keyed by the short timer name ({@code usersMe}). Every key must name a real endpoint: a typo
 * would otherwise be a budget that silently guards nothing.
 */
public class LatencyGuardSettings {
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration window = Duration.minutes(5);

    @NotNull
    @Valid
    private Map<String, LatencyBudget> budgets = new LinkedHashMap<>();

    @NotNull
    @Valid
    private LimiterSettings limiter = new LimiterSettings();

    /** Fewer requests than this in the window are not judged against a budget ("insufficient"). */
    @Min(1)
    @Max(1_000_000)
    private int minRequests = 20;

    @JsonProperty
    public Duration getWindow() {
        return window;
    }

    @JsonProperty
    public void setWindow(Duration window) {
        this.window = window;
    }

    @JsonProperty
    public LimiterSettings getLimiter() {
        return limiter;
    }

    @JsonProperty
    public void setLimiter(LimiterSettings limiter) {
        this.limiter = limiter;
    }

    @JsonProperty
    public int getMinRequests() {
        return minRequests;
    }

    @JsonProperty
    public void setMinRequests(int minRequests) {
        this.minRequests = minRequests;
    }

    @JsonProperty
    public Map<String, LatencyBudget> getBudgets() {
        return budgets;
    }

    @JsonProperty
    public void setBudgets(Map<String, LatencyBudget> budgets) {
        this.budgets = budgets == null ? new LinkedHashMap<>() : budgets;
    }

    @JsonIgnore
    @ValidationMethod(message = "budgets may only name endpoints: health, openapi, register, login, refresh,"
            + " logout, logoutAll, sessionsList, sessionRevoke, usersMe, updateMe, changePassword")
    public boolean isEveryBudgetForAKnownEndpoint() {
        return budgets.keySet().stream().allMatch(EndpointTimers::isShortName);
    }
}
