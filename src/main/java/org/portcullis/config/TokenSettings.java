package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.portcullis.domain.SigningKeys;

import java.util.concurrent.TimeUnit;

/**
 * JWT settings. The secret comes from JWT_SECRET through config.yml; an empty secret means "generate a
 * random key at start", which is right for a single development instance and wrong for anything else
 * (tokens die with the process and other instances reject them), hence the WARN it triggers.
 */
public class TokenSettings {
    @NotNull
    private String secret = "";

    @NotBlank
    private String issuer = "portcullis";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration accessTokenLifetime = Duration.minutes(15);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration refreshTokenLifetime = Duration.days(7);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    private Duration clockLeeway = Duration.seconds(30);

    /** Access tokens remembered as verified, about 600 bytes of heap each; 0 turns the cache off. */
    @Min(0)
    private int verifiedCacheSize = 1024;

    /**
     * Absolute lifetime of a session from its login: refreshing moves the refresh token on, never this end,
     * so a stolen refresh token that is kept fresh still dies with its session.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration maxSessionAge = Duration.days(30);

    /** Live sessions one user may hold; a login beyond it revokes the least recently used one. */
    @Min(1)
    private int maxSessionsPerUser = 50;

    @JsonProperty
    public String getSecret() {
        return secret;
    }

    @JsonProperty
    public void setSecret(String secret) {
        this.secret = secret == null ? "" : secret;
    }

    @JsonProperty
    public String getIssuer() {
        return issuer;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    @JsonProperty
    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    @JsonProperty
    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    @JsonProperty
    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    @JsonProperty
    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    @JsonProperty
    public Duration getClockLeeway() {
        return clockLeeway;
    }

    @JsonProperty
    public void setClockLeeway(Duration clockLeeway) {
        this.clockLeeway = clockLeeway;
    }

    @JsonProperty
    public int getVerifiedCacheSize() {
        return verifiedCacheSize;
    }

    @JsonProperty
    public void setVerifiedCacheSize(int verifiedCacheSize) {
        this.verifiedCacheSize = verifiedCacheSize;
    }

    @JsonProperty
    public Duration getMaxSessionAge() {
        return maxSessionAge;
    }

    @JsonProperty
    public void setMaxSessionAge(Duration maxSessionAge) {
        this.maxSessionAge = maxSessionAge;
    }

    @JsonProperty
    public int getMaxSessionsPerUser() {
        return maxSessionsPerUser;
    }

    @JsonProperty
    public void setMaxSessionsPerUser(int maxSessionsPerUser) {
        this.maxSessionsPerUser = maxSessionsPerUser;
    }

    /** A login's first refresh token lives refreshTokenLifetime; a session shorter than that would be cut by it. */
    @ValidationMethod(message = "maxSessionAge must be at least refreshTokenLifetime")
    @JsonIgnore
    public boolean isMaxSessionAgeAtLeastRefreshLifetime() {
        return maxSessionAge == null || refreshTokenLifetime == null
                || maxSessionAge.toJavaDuration().compareTo(refreshTokenLifetime.toJavaDuration()) >= 0;
    }

    @ValidationMethod(message = "secret (JWT_SECRET) must be at least 32 bytes of UTF-8, or empty for a random"
            + " per-process key")
    @JsonIgnore
    public boolean isSecretLongEnough() {
        return SigningKeys.isAcceptable(secret);
    }
}
