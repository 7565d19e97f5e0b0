package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.SigningKeys;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JWT settings. RS256 (the default) or ES256 sign with keys kept in the database, sealed under the
 * key-encryption key from JWT_KEY_ENCRYPTION_KEY (base64 of 32 bytes); with none, a key generated once and
 * kept in {@code keyEncryptionKeyFile} serves a single development machine, with a WARN. HS256 signs with
 * JWT_SECRET's bytes; an empty secret means "generate a random key at start", which is right for a single
 * development instance and wrong for anything else, hence the WARN it triggers.
 */
public class TokenSettings {
    @NotNull
    private SigningAlgorithm algorithm = SigningAlgorithm.RS256;

    @NotNull
    private String secret = "";

    /** Base64 of 32 bytes; empty: read or create {@link #keyEncryptionKeyFile}. */
    @NotNull
    private String keyEncryptionKey = "";

    @NotBlank
    private String keyEncryptionKeyFile = "./data/jwt-key-encryption.key";

    /** A signing key signs this long before its successor takes over. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration keyRotation = Duration.days(30);

    /** A successor is published this long before it signs: longer than any resource server caches a JWKS. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration keyPublishAhead = Duration.hours(1);

    /** Every instance reads the key table this often (and runs the rotation's scheduled pass). */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration keyRefresh = Duration.seconds(5);

    @Valid
    @NotNull
    private Introspection introspection = new Introspection();

    @NotBlank
    private String issuer = "http://localhost:8080";

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
    public SigningAlgorithm getAlgorithm() {
        return algorithm;
    }

    @JsonProperty
    public void setAlgorithm(SigningAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @JsonProperty
    public String getKeyEncryptionKey() {
        return keyEncryptionKey;
    }

    @JsonProperty
    public void setKeyEncryptionKey(String keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey == null ? "" : keyEncryptionKey.trim();
    }

    @JsonProperty
    public String getKeyEncryptionKeyFile() {
        return keyEncryptionKeyFile;
    }

    @JsonProperty
    public void setKeyEncryptionKeyFile(String keyEncryptionKeyFile) {
        this.keyEncryptionKeyFile = keyEncryptionKeyFile;
    }

    @JsonProperty
    public Duration getKeyRotation() {
        return keyRotation;
    }

    @JsonProperty
    public void setKeyRotation(Duration keyRotation) {
        this.keyRotation = keyRotation;
    }

    @JsonProperty
    public Duration getKeyPublishAhead() {
        return keyPublishAhead;
    }

    @JsonProperty
    public void setKeyPublishAhead(Duration keyPublishAhead) {
        this.keyPublishAhead = keyPublishAhead;
    }

    @JsonProperty
    public Duration getKeyRefresh() {
        return keyRefresh;
    }

    @JsonProperty
    public void setKeyRefresh(Duration keyRefresh) {
        this.keyRefresh = keyRefresh;
    }

    @JsonProperty
    public Introspection getIntrospection() {
        return introspection;
    }

    @JsonProperty
    public void setIntrospection(Introspection introspection) {
        this.introspection = introspection;
    }

    /** How long a key stays published after it stopped signing: the longest token lifetime plus the leeway. */
    @JsonIgnore
    public java.time.Duration keyRetention() {
        java.time.Duration access = accessTokenLifetime.toJavaDuration();
        java.time.Duration refresh = refreshTokenLifetime.toJavaDuration();
        return (access.compareTo(refresh) > 0 ? access : refresh).plus(clockLeeway.toJavaDuration());
    }

    /**
     * How far a token's {@code iat} may lie outside its key's signing period: clocks differ by the leeway, and
     * an instance may sign with a key for one read interval after another instance retired it on demand.
     */
    @JsonIgnore
    public java.time.Duration keySigningGrace() {
        return clockLeeway.toJavaDuration().plus(keyRefresh.toJavaDuration());
    }

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

    /**
     * Another instance learns of a successor by reading the table every keyRefresh; it must have read it
     * before the successor signs, and the successor must be published before the current key is due.
     */
    @ValidationMethod(message = "keyRefresh must be shorter than keyPublishAhead, and keyPublishAhead shorter"
            + " than keyRotation")
    @JsonIgnore
    public boolean isKeyScheduleConsistent() {
        return keyRefresh == null || keyPublishAhead == null || keyRotation == null
                || (keyRefresh.toJavaDuration().compareTo(keyPublishAhead.toJavaDuration()) < 0
                && keyPublishAhead.toJavaDuration().compareTo(keyRotation.toJavaDuration()) < 0);
    }

    @ValidationMethod(message = "keyEncryptionKey (JWT_KEY_ENCRYPTION_KEY) must be the base64 of 32 bytes, or"
            + " empty to use keyEncryptionKeyFile")
    @JsonIgnore
    public boolean isKeyEncryptionKeyReadable() {
        if (keyEncryptionKey.isEmpty()) {
            return true;
        }
        try {
            return Base64.getDecoder().decode(keyEncryptionKey).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * RFC 7662/7009 clients: resource servers that authenticate with HTTP Basic to introspect or revoke
     * tokens. A secret is compared in constant time and must be long enough that guessing it is hopeless.
     */
    public static class Introspection {
        public static final int MIN_SECRET_LENGTH = 32;

        @NotNull
        private Map<String, String> clients = new LinkedHashMap<>();

        @JsonProperty
        public Map<String, String> getClients() {
            return clients;
        }

        @JsonProperty
        public void setClients(Map<String, String> clients) {
            this.clients = clients == null ? new LinkedHashMap<>() : clients;
        }

        @ValidationMethod(message = "every introspection client needs a secret of at least 32 characters and an"
                + " id of 1 to 64 characters without ':'")
        @JsonIgnore
        public boolean isEveryClientSecretStrong() {
            return clients.entrySet().stream().allMatch(e -> !e.getKey().isBlank() && !e.getKey().contains(":")
                    && e.getKey().length() <= 64
                    && e.getValue() != null && e.getValue().length() >= MIN_SECRET_LENGTH);
        }
    }

    @ValidationMethod(message = "secret (JWT_SECRET) must be at least 32 bytes of UTF-8, or empty for a random"
            + " per-process key")
    @JsonIgnore
    public boolean isSecretLongEnough() {
        return SigningKeys.isAcceptable(secret);
    }
}
