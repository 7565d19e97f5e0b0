package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * The instance's memory of callers on PostgreSQL (db.CallerCache): what an authenticated request would
 * otherwise read from the database every time, kept current by PostgreSQL's notifications.
 *
 * <p>{@code maxStaleness} is the promise to operators: a change made on another instance (a revocation, a
 * logout, a password change, a detected replay) is enforced here at most that long after it committed,
 * usually within a millisecond; a change made on this instance is enforced on its next request. Past it
 * without word from the database (a lost or slow notification connection), every request reads the database
 * again. {@code heartbeat} is how often the instance asks for that word, and must be well below it.
 */
public class CallerCacheSettings {
    private boolean enabled = true;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
    private Duration maxStaleness = Duration.milliseconds(100);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration heartbeat = Duration.milliseconds(20);

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration reconnectDelay = Duration.seconds(1);

    /** Callers and listed sessions remembered in all (the memory's weight), not users. */
    @Min(1)
    private long maximumCallers = 100_000;

    /** The most one user's entry holds, so an account with many sessions cannot grow one entry without bound. */
    @Min(1)
    private int maximumCallersPerUser = 100;

    @JsonIgnore
    @ValidationMethod(message = "callerCache.heartbeat must be at most half of callerCache.maxStaleness")
    public boolean isHeartbeatWithinStaleness() {
        return heartbeat == null || maxStaleness == null
                || heartbeat.toNanoseconds() * 2 <= maxStaleness.toNanoseconds();
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
    public Duration getMaxStaleness() {
        return maxStaleness;
    }

    @JsonProperty
    public void setMaxStaleness(Duration maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    @JsonProperty
    public Duration getHeartbeat() {
        return heartbeat;
    }

    @JsonProperty
    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    @JsonProperty
    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    @JsonProperty
    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    @JsonProperty
    public long getMaximumCallers() {
        return maximumCallers;
    }

    @JsonProperty
    public void setMaximumCallers(long maximumCallers) {
        this.maximumCallers = maximumCallers;
    }

    @JsonProperty
    public int getMaximumCallersPerUser() {
        return maximumCallersPerUser;
    }

    @JsonProperty
    public void setMaximumCallersPerUser(int maximumCallersPerUser) {
        this.maximumCallersPerUser = maximumCallersPerUser;
    }
}
