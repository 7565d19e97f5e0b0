package org.portcullis.support;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.portcullis.PortcullisApplication;
import org.portcullis.PortcullisConfiguration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The application as the tests start it: config.yml itself, with only what a test must change
 * overridden (random ports, its own database, a known JWT secret, and for functional tests a low bcrypt
 * cost so hundreds of hashes do not take minutes).
 */
public final class TestApps {
    /** Known to the tests so they can forge tokens; 40 bytes. */
    public static final String SECRET = "test-secret-for-portcullis-suite-0123456";
    public static final int FAST_BCRYPT_COST = 4;
    /**
     * The key-encryption key of every test app (base64 of 32 bytes), so no test writes one under ./data/ and
     * a test can open the app's signing keys to forge tokens with them ({@link AppKeys}).
     */
    /** The resource server the latency tests introspect as; config.yml has none. */
    public static final String INTROSPECTION_CLIENT = "latency-probe";
    public static final String INTROSPECTION_SECRET = "latency-probe-secret-of-at-least-32-chars";
    public static final String KEY_ENCRYPTION_KEY = "cG9ydGN1bGxpcy10ZXN0LWtleS1lbmNyeXB0aW9uLTE=";

    /**
     * Tests register every account from 127.0.0.1: the per-address registration limit is raised so that
     * only the tests of that limit meet it (the claim itself still runs on every registration).
     */
    static final String ONE_ADDRESS_REGISTRATIONS = "1000000";

    /** Where the tests' file transport writes the mail of their registrations. */
    static final String TEST_MAIL_DIRECTORY = "target/test-mail";

    /** The production configuration file at the project root. */
    public static final String CONFIG = "config.yml";

    private TestApps() {
    }

    /** config.yml read as the service reads it, ${VAR:-default} included. */
    public static ConfigurationSourceProvider substitutingEnvironment() {
        return new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(true));
    }

    /**
     * @param settings config.yml values to override, as Dropwizard paths ({@code tokens.secret}); they
     *                 replace the defaults above (ConfigOverride keeps a set, so a key must appear once)
     */
    public static DropwizardAppExtension<PortcullisConfiguration> functional(Supplier<String> databaseUrl,
                                                                             Map<String, String> settings) {
        return functional(PortcullisApplication.class, databaseUrl, settings);
    }

    /** As above, for a test subclass of the application (one with a seam, or on a {@link ClockedApplication test clock}). */
    public static DropwizardAppExtension<PortcullisConfiguration> functional(
            Class<? extends PortcullisApplication> application, Supplier<String> databaseUrl,
            Map<String, String> settings) {
        return new DropwizardAppExtension<>(application, CONFIG, substitutingEnvironment(),
                overrides(databaseUrl, settings));
    }

    public static DropwizardAppExtension<PortcullisConfiguration> functional(Supplier<String> databaseUrl) {
        return functional(databaseUrl, Map.of());
    }

    /**
     * config.yml's production settings (bcrypt cost, budgets, lifetimes, random JWT key): only the ports,
     * the database and the log level differ. For the latency tests and benchmarks.
     */
    public static DropwizardAppExtension<PortcullisConfiguration> production(Supplier<String> databaseUrl) {
        return new DropwizardAppExtension<>(PortcullisApplication.class, CONFIG, substitutingEnvironment(),
                productionOverrides(databaseUrl));
    }

    private static ConfigOverride[] productionOverrides(Supplier<String> databaseUrl) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.applicationConnectors[0].port", "0");
        all.put("server.adminConnectors[0].port", "0");
        all.put("logging.level", "WARN");
        all.put("lockout.registrationsPerAddress", ONE_ADDRESS_REGISTRATIONS);
        all.put("mail.directory", TEST_MAIL_DIRECTORY);
        all.put("tokens.keyEncryptionKey", KEY_ENCRYPTION_KEY);
        all.put("tokens.introspection.clients." + INTROSPECTION_CLIENT, INTROSPECTION_SECRET);
        return toOverrides(databaseUrl, all);
    }

    public static DropwizardTestSupport<PortcullisConfiguration> support(Supplier<String> databaseUrl,
                                                                         Map<String, String> settings) {
        return support(PortcullisApplication.class, databaseUrl, settings);
    }

    /** As {@link #support(Supplier, Map)}, for a test subclass of the application (one with a seam). */
    public static DropwizardTestSupport<PortcullisConfiguration> support(
            Class<? extends PortcullisApplication> application, Supplier<String> databaseUrl,
            Map<String, String> settings) {
        return new DropwizardTestSupport<>(application, CONFIG, substitutingEnvironment(),
                overrides(databaseUrl, settings));
    }

    public static ConfigOverride[] overrides(Supplier<String> databaseUrl, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.applicationConnectors[0].port", "0");
        all.put("server.adminConnectors[0].port", "0");
        all.put("tokens.secret", SECRET);
        all.put("tokens.keyEncryptionKey", KEY_ENCRYPTION_KEY);
        all.put("passwords.bcryptCost", String.valueOf(FAST_BCRYPT_COST));
        // Functional tests fire bursts of cheap (cost 4) hashes, e.g. 12 registrations of one email at once;
        // registrations may hold half of the bulkhead's places, so the default 2 + 16 would refuse some with
        // 503. The bulkhead's own limits are pinned by BcryptBulkheadTest and BcryptFloodTest.
        all.put("passwords.bulkhead.queueSize", "64");
        all.put("logging.level", "WARN");
        all.put("lockout.registrationsPerAddress", ONE_ADDRESS_REGISTRATIONS);
        // Every registration queues a verification mail: the file transport writes it under target/, not ./data/.
        all.put("mail.directory", TEST_MAIL_DIRECTORY);
        all.putAll(settings);
        return toOverrides(databaseUrl, all);
    }

    private static ConfigOverride[] toOverrides(Supplier<String> databaseUrl, Map<String, String> settings) {
        List<ConfigOverride> overrides = new ArrayList<>();
        overrides.add(ConfigOverride.config("database.url", databaseUrl));
        // The delayed shutdown is a JVM shutdown hook that waits health.shutdownWaitPeriod per app ever started:
        // the test JVM would wait that long for each at exit. The shutdown tests turn it on for their own app.
        settings.putIfAbsent("health.delayedShutdownHandlerEnabled", "false");
        settings.forEach((key, value) -> overrides.add(ConfigOverride.config(key, value)));
        return overrides.toArray(ConfigOverride[]::new);
    }
}
