package org.portcullis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.portcullis.config.ClientSettings;
import org.portcullis.config.DatabaseSettings;
import org.portcullis.config.LockoutSettings;
import org.portcullis.config.PasswordSettings;
import org.portcullis.config.PurgeSettings;
import org.portcullis.config.TokenSettings;
import org.portcullis.guard.LatencyGuardSettings;

import java.util.concurrent.TimeUnit;

/** Everything config.yml can set; every value has a default here or in config.yml. */
public class PortcullisConfiguration extends Configuration {
    @Valid
    @NotNull
    private DatabaseSettings database = new DatabaseSettings();

    /** Apply the Liquibase changelog when {@code server} starts (`db migrate` does it explicitly). */
    private boolean migrateOnStart = true;

    @Valid
    @NotNull
    private TokenSettings tokens = new TokenSettings();

    @Valid
    @NotNull
    private PasswordSettings passwords = new PasswordSettings();

    @Valid
    @NotNull
    private ClientSettings clients = new ClientSettings();

    @Valid
    @NotNull
    private LockoutSettings lockout = new LockoutSettings();

    @Valid
    @NotNull
    private PurgeSettings purge = new PurgeSettings();

    @Valid
    @NotNull
    private LatencyGuardSettings latencyGuard = new LatencyGuardSettings();

    /** GET /health gives up on the database after this long and reports it down. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    private Duration healthTimeout = Duration.seconds(2);

    @JsonProperty("database")
    public DatabaseSettings getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public TokenSettings getTokens() {
        return tokens;
    }

    @JsonProperty
    public void setTokens(TokenSettings tokens) {
        this.tokens = tokens;
    }

    @JsonProperty
    public PasswordSettings getPasswords() {
        return passwords;
    }

    @JsonProperty
    public void setPasswords(PasswordSettings passwords) {
        this.passwords = passwords;
    }

    @JsonProperty
    public ClientSettings getClients() {
        return clients;
    }

    @JsonProperty
    public void setClients(ClientSettings clients) {
        this.clients = clients;
    }

    @JsonProperty
    public LockoutSettings getLockout() {
        return lockout;
    }

    @JsonProperty
    public void setLockout(LockoutSettings lockout) {
        this.lockout = lockout;
    }

    @JsonProperty
    public PurgeSettings getPurge() {
        return purge;
    }

    @JsonProperty
    public void setPurge(PurgeSettings purge) {
        this.purge = purge;
    }

    @JsonProperty
    public LatencyGuardSettings getLatencyGuard() {
        return latencyGuard;
    }

    @JsonProperty
    public void setLatencyGuard(LatencyGuardSettings latencyGuard) {
        this.latencyGuard = latencyGuard;
    }

    @JsonProperty
    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    @JsonProperty
    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }
}
