package org.portcullis;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.portcullis.db.SchemaMigrator;
import org.portcullis.db.StatementCount;
import org.portcullis.guard.BcryptDoor;
import org.portcullis.guard.LatencyGuard;
import org.portcullis.guard.RequestWork;
import org.portcullis.health.AdminHealthCheck;
import org.portcullis.health.DatabaseCheck;
import org.portcullis.health.InRotation;
import org.portcullis.health.StartupCheck;
import org.portcullis.health.StartupGate;
import org.portcullis.http.HttpHardening;
import org.portcullis.http.JsonBodies;
import org.portcullis.http.auth.BearerAuthentication;
import org.portcullis.http.docs.DocsPage;
import org.portcullis.http.errors.ErrorHandling;
import org.portcullis.service.PasswordHasher;

import java.time.Clock;
import java.time.Duration;

/** Portcullis: wires configuration, storage, services and resources into one Dropwizard application. */
public class PortcullisApplication extends Application<PortcullisConfiguration> {
    /** Microsecond ticks: what both databases store, so a response and a later read agree exactly. */
    public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    public static void main(String[] args) throws Exception {
        new PortcullisApplication().run(args);
    }

    @Override
    public String getName() {
        return "portcullis";
    }

    @Override
    public void initialize(Bootstrap<PortcullisConfiguration> bootstrap) {
        // ${VAR:-default} in config.yml; an unset variable without a default is an error, not "".
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(PortcullisConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrator.CHANGELOG;
            }
        });
        bootstrap.addBundle(new LatencyGuard<>(PortcullisConfiguration::getLatencyGuard));
        bootstrap.addBundle(new DocsPage());
    }

    @Override
    public void run(PortcullisConfiguration config, Environment environment) {
        JsonBodies.install(environment);
        HttpHardening.install(environment, config.getClients().getMaxBodySize().toBytes(),
                config.getClients().getCorsAllowedOrigins());
        ErrorHandling.install(environment);
        AdminHealthCheck.install(environment);

        StatementCount statements = new StatementCount(environment.metrics());
        Jdbi jdbi = requestPool(config, environment);
        statements.install(jdbi);
        DatabaseCheck.install(environment, config.getDatabase().probePool(config.getHealthTimeout()),
                config.getHealthTimeout().toJavaDuration(), statements::install);
        environment.jersey().register(new RequestWork(environment.metrics(), StatementCount::onThisThread));
        StartupCheck startup = new StartupCheck();
        // The pool opens its connections lazily: one borrowed and answered says the instance can serve.
        startup.require("request pool", () -> jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                .mapTo(Integer.class).one()) == 1);
        Clock clock = clock();
        Services services = Services.build(config, CallerCaching.storage(config, jdbi, environment, startup),
                passwordHasher(config.getPasswords().getBcryptCost()), clock, environment);
        // Registered once every condition is in: the module runs it at once, and a pass is for good.
        environment.healthChecks().register(StartupCheck.NAME, startup);
        BearerAuthentication.install(environment, services.authenticator());
        environment.jersey().register(new BcryptDoor(services.bcrypt()));
        ApiResources.register(environment, config, services, clock);
        OperatorActions.install(environment, services, config.getPurge().getInterval(), config.getAdmin(),
                config.getAudit().getMaxPage(), clock);
        // Last: started after every other managed object, before Jetty opens its ports.
        environment.lifecycle().manage(new StartupGate(InRotation.of(environment),
                config.getStartupTimeout().toJavaDuration()));
    }

    /** The Jdbi of the request pool, with the schema migrated first unless {@code migrateOnStart} is off. */
    private static Jdbi requestPool(PortcullisConfiguration config, Environment environment) {
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), DatabaseCheck.NAME);
        // JdbiFactory registers a "database" check of its own over the request pool; ours replaces it.
        environment.healthChecks().unregister(DatabaseCheck.NAME);
        // Our SQL has no <attribute> templates. Dropwizard's default engine (a name-prepending wrapper around
        // JDBI's template parser) defeats JDBI's parse cache, so every statement was lexed again with ANTLR:
        // about a quarter of the CPU of an authenticated request. NOP passes the SQL through as written.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        // Jdbi's default exception message appends every bound value (a new bcrypt hash, emails, names), and
        // the 500 mapper logs it. The driver's own message (H2's names the statement) and the stack trace,
        // which names the DAO method, still say what failed.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        if (config.isMigrateOnStart()) {
            SchemaMigrator.migrate(jdbi);
        }
        return jdbi;
    }

    /** The time every service reads; a test subclass substitutes a clock it moves by hand. */
    protected Clock clock() {
        return CLOCK;
    }

    /** bcrypt at the configured cost; tests override this to watch or hold the checks that reach bcrypt. */
    protected PasswordHasher passwordHasher(int cost) {
        return new PasswordHasher(cost);
    }
}
