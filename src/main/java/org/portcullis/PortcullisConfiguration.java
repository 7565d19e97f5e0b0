package org.portcullis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.health.DefaultHealthFactory;
import io.dropwizard.health.HealthCheckConfiguration;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.portcullis.config.AdminSettings;
import org.portcullis.config.AccountSettings;
import org.portcullis.config.ClientSettings;
import org.portcullis.config.DatabaseSettings;
import org.portcullis.config.LatencyBudget;
import org.portcullis.config.LatencyGuardSettings;
import org.portcullis.config.LockoutSettings;
import org.portcullis.config.MailSettings;
import org.portcullis.config.PasswordSettings;
import org.portcullis.config.PurgeSettings;
import org.portcullis.config.AuditSettings;
import org.portcullis.config.CallerCacheSettings;
import org.portcullis.config.TokenSettings;
import org.portcullis.guard.LatencyGuard;
import org.portcullis.health.DatabaseCheck;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private AuditSettings audit = new AuditSettings();

    @Valid
    @NotNull
    private CallerCacheSettings callerCache = new CallerCacheSettings();

    @Valid
    @NotNull
    private LatencyGuardSettings latencyGuard = new LatencyGuardSettings();

    @Valid
    @NotNull
    private AdminSettings admin = new AdminSettings();

    @Valid
    @NotNull
    @JsonProperty
    private MailSettings mail = new MailSettings();

    @Valid
    @NotNull
    @JsonProperty
    private AccountSettings accounts = new AccountSettings();

    /** The database health check gives up on SELECT 1 after this long and counts a failure. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    private Duration healthTimeout = Duration.seconds(2);

    /** How long a start waits for the instance to be ready before it opens its ports anyway (StartupGate). */
    @NotNull
    private Duration startupTimeout = Duration.seconds(60);

    /**
     * The bcrypt bulkhead admits a login or registration that is expected to wait up to {@code maxWait} before
     * its hash starts. A p99 budget below that would call every burst the bulkhead handles as designed a
     * breach, so such a configuration is refused at start.
     */
    @JsonIgnore
    @ValidationMethod(message = "passwords.bulkhead.maxWait must not exceed the p99 budget of login or register"
            + " (latencyGuard.budgets): the bulkhead admits requests that wait that long before their hash starts")
    public boolean isBulkheadWaitWithinTheBcryptBudgets() {
        long maxWaitNanos = passwords.getBulkhead().getMaxWait().toNanoseconds();
        for (String endpoint : new String[]{"login", "register"}) {
            LatencyBudget budget = latencyGuard.getBudgets().get(endpoint);
            if (budget != null && budget.getP99() != null && maxWaitNanos > budget.getP99().toNanoseconds()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Load balancers probe the health module, so what is critical there decides whether a node is taken out:
     * the database must be scheduled as critical, and every latency budget as non-critical (a slow window is
     * for an alert, not a reason to shed a node's traffic onto its already busy neighbours).
     */
    @JsonIgnore
    @ValidationMethod(message = "health.healthChecks must schedule 'database' as critical and every latency budget"
            + " ('latency-<endpoint>' of latencyGuard.budgets) as non-critical")
    public boolean isOnlyTheDatabaseCritical() {
        if (!(getHealthFactory().orElse(null) instanceof DefaultHealthFactory health) || !health.isEnabled()) {
            return false;
        }
        Map<String, HealthCheckConfiguration> checks = health.getHealthCheckConfigurations().stream()
                .collect(Collectors.toMap(HealthCheckConfiguration::getName, Function.identity(), (a, b) -> a));
        HealthCheckConfiguration database = checks.get(DatabaseCheck.NAME);
        return database != null && database.isCritical()
                && latencyGuard.getBudgets().keySet().stream().map(LatencyGuard::healthCheckName).map(checks::get)
                .allMatch(check -> check != null && !check.isCritical());
    }

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
    public AuditSettings getAudit() {
        return audit;
    }

    @JsonProperty
    public void setAudit(AuditSettings audit) {
        this.audit = audit;
    }

    @JsonProperty
    public CallerCacheSettings getCallerCache() {
        return callerCache;
    }

    @JsonProperty
    public void setCallerCache(CallerCacheSettings callerCache) {
        this.callerCache = callerCache;
    }

    @JsonProperty
    public AdminSettings getAdmin() {
        return admin;
    }

    @JsonProperty
    public void setAdmin(AdminSettings admin) {
        this.admin = admin;
    }

    @JsonProperty
    public LatencyGuardSettings getLatencyGuard() {
        return latencyGuard;
    }

    @JsonProperty
    public void setLatencyGuard(LatencyGuardSettings latencyGuard) {
        this.latencyGuard = latencyGuard;
    }

    public MailSettings getMail() {
        return mail;
    }

    public AccountSettings getAccounts() {
        return accounts;
    }

    @JsonProperty
    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    @JsonProperty
    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }

    @JsonProperty
    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    @JsonProperty
    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }
}
