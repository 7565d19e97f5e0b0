package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** bcrypt work factor: each step doubles the time of every hash and every login. */
public class PasswordSettings {
    /** Below this the service still starts, with a WARN: fine for tests, weak for production. */
    public static final int RECOMMENDED_MINIMUM_COST = 10;

    @Min(4)
    @Max(31)
    private int bcryptCost = 12;

    @Valid
    @NotNull
    private BulkheadSettings bulkhead = new BulkheadSettings();

    /** How long a mailed password-reset link lives. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration resetTokenLifetime = Duration.minutes(30);

    public Duration getResetTokenLifetime() {
        return resetTokenLifetime;
    }

    @JsonProperty
    public BulkheadSettings getBulkhead() {
        return bulkhead;
    }

    @JsonProperty
    public void setBulkhead(BulkheadSettings bulkhead) {
        this.bulkhead = bulkhead;
    }

    @JsonProperty
    public int getBcryptCost() {
        return bcryptCost;
    }

    @JsonProperty
    public void setBcryptCost(int bcryptCost) {
        this.bcryptCost = bcryptCost;
    }
}
