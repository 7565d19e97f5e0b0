package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * Accounts (config.yml {@code accounts:}): how long a mailed verification link lives, and whether a login
 * needs a verified address ({@code requireVerifiedEmail}: a correct login of an unverified account gets 403).
 */
public class AccountSettings {
    @JsonProperty
    private boolean requireVerifiedEmail = false;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration verificationTokenLifetime = Duration.hours(24);

    public boolean isRequireVerifiedEmail() {
        return requireVerifiedEmail;
    }

    public Duration getVerificationTokenLifetime() {
        return verificationTokenLifetime;
    }
}
