package org.portcullis.bench;

import ch.qos.logback.classic.Level;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.BootstrapLogging;
import org.portcullis.PortcullisApplication;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.service.PasswordHasher;
import org.portcullis.service.TokenService;
import org.portcullis.support.TestApps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * config.yml as the service reads it, for the benches that call production classes directly.
 *
 * <p>A bench that hard-coded "cost 12" or "15 minutes" would keep measuring the old figure after an operator
 * changed it; reading the file through the same substituting provider as the app means {@code BCRYPT_COST=14}
 * or {@code JWT_ALGORITHM} change the benches exactly as they change the service, {@code -Ddw.*} overrides
 * included. Values are validated, so a config the service would refuse also stops the bench.
 */
public final class ProductionConfig {
    /** The service's clock: microsecond ticks, which is also what it costs. */
    private static final Clock CLOCK = PortcullisApplication.CLOCK;

    private ProductionConfig() {
    }

    /** Reads and validates config.yml from the working directory (the project root under make). */
    public static PortcullisConfiguration load() {
        // What Dropwizard does before reading a config: without it logback's default prints DEBUG lines
        // (the validator's logging provider) into the middle of JMH's progress.
        BootstrapLogging.bootstrap(Level.WARN);
        YamlConfigurationFactory<PortcullisConfiguration> factory = new YamlConfigurationFactory<>(
                PortcullisConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        try {
            return factory.build(TestApps.substitutingEnvironment(), TestApps.CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TestApps.CONFIG, e);
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static PasswordHasher passwordHasher(PortcullisConfiguration config) {
        return new PasswordHasher(config.getPasswords().getBcryptCost());
    }

    /** As the app builds it, with config.yml's algorithm (see {@link BenchSigningKeys}). */
    public static TokenService tokenService(PortcullisConfiguration config) {
        return BenchSigningKeys.tokenService(config.getTokens(), config.getTokens().getAlgorithm(), CLOCK);
    }

    public static Clock clock() {
        return CLOCK;
    }
}
