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
import java.util.Arrays;
import java.util.List;
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

    /** The production configuration file at the project root. */
    public static final String CONFIG = "config.yml";

    private TestApps() {
    }

    /** config.yml read as the service reads it, ${VAR:-default} included. */
    public static ConfigurationSourceProvider substitutingEnvironment() {
        return new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(true));
    }

    public static DropwizardAppExtension<PortcullisConfiguration> functional(Supplier<String> databaseUrl,
                                                                             ConfigOverride... extra) {
        return new DropwizardAppExtension<>(PortcullisApplication.class, CONFIG, substitutingEnvironment(),
                overrides(databaseUrl, FAST_BCRYPT_COST, extra));
    }

    public static DropwizardTestSupport<PortcullisConfiguration> support(Supplier<String> databaseUrl,
                                                                         ConfigOverride... extra) {
        return new DropwizardTestSupport<>(PortcullisApplication.class, CONFIG, substitutingEnvironment(),
                overrides(databaseUrl, FAST_BCRYPT_COST, extra));
    }

    static ConfigOverride[] overrides(Supplier<String> databaseUrl, int bcryptCost, ConfigOverride... extra) {
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", databaseUrl),
                ConfigOverride.config("tokens.secret", SECRET),
                ConfigOverride.config("passwords.bcryptCost", String.valueOf(bcryptCost)),
                ConfigOverride.config("logging.level", "WARN")));
        all.addAll(Arrays.asList(extra));
        return all.toArray(ConfigOverride[]::new);
    }
}
