package org.portcullis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.health.HealthStateView;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.ws.rs.core.Feature;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.portcullis.config.BulkheadSettings;
import org.portcullis.config.PasswordSettings;
import org.portcullis.config.TokenSettings;
import org.portcullis.db.AddressWindows;
import org.portcullis.db.CallerLookup;
import org.portcullis.db.SchemaMigrator;
import org.portcullis.db.SessionDao;
import org.portcullis.db.ThrottleDao;
import org.portcullis.db.UserDao;
import org.portcullis.domain.Caller;
import org.portcullis.guard.BcryptDoor;
import org.portcullis.guard.LatencyGuard;
import org.portcullis.health.AdminHealthCheck;
import org.portcullis.health.DatabaseCheck;
import org.portcullis.http.BodySizeLimitFilter;
import org.portcullis.http.ClientAddressResolver;
import org.portcullis.http.PlainJsonWriting;
import org.portcullis.http.SecurityHeadersFilter;
import org.portcullis.http.auth.AccessTokenAuthenticator;
import org.portcullis.http.auth.BearerChallenge;
import org.portcullis.http.auth.BearerTokenFilter;
import org.portcullis.http.docs.DocsPage;
import org.portcullis.http.errors.ClientHangUpMapper;
import org.portcullis.http.errors.DatabaseExceptionMapper;
import org.portcullis.http.errors.DomainExceptionMapper;
import org.portcullis.http.errors.JsonErrorHandler;
import org.portcullis.http.errors.JsonInputExceptionMapper;
import org.portcullis.http.errors.UnexpectedExceptionMapper;
import org.portcullis.http.errors.ValidationSetupExceptionMapper;
import org.portcullis.http.errors.ViolationExceptionMapper;
import org.portcullis.http.errors.WebApplicationExceptionMapper;
import org.portcullis.http.resources.AuthResource;
import org.portcullis.http.resources.HealthResource;
import org.portcullis.http.resources.OpenApiResource;
import org.portcullis.http.resources.SessionResource;
import org.portcullis.http.resources.UserResource;
import org.portcullis.service.AccountAdministration;
import org.portcullis.service.AccountService;
import org.portcullis.service.AddressBucket;
import org.portcullis.service.BcryptBulkhead;
import org.portcullis.service.LoginService;
import org.portcullis.service.LoginThrottle;
import org.portcullis.service.PasswordHasher;
import org.portcullis.service.Purge;
import org.portcullis.service.RefreshTokenRotation;
import org.portcullis.service.RegistrationThrottle;
import org.portcullis.service.SessionService;
import org.portcullis.service.TokenService;
import org.portcullis.tasks.PurgeExpiredTask;
import org.portcullis.tasks.RevokeSessionsTask;
import org.portcullis.tasks.UnlockAccountTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Portcullis: wires configuration, storage, services and resources into one Dropwizard application. */
public class PortcullisApplication extends Application<PortcullisConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(PortcullisApplication.class);

    /** Microsecond ticks: what both databases store, so a response and a later read agree exactly. */
    public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));

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
        bootstrap.addBundle(new DocsPage());
    }

    @Override
    public void run(PortcullisConfiguration config, Environment environment) {
        configureJson(environment.getObjectMapper());
        Clock clock = clock();

        LatencyGuard.install(environment, config.getLatencyGuard());
        AdminHealthCheck.install(environment);

        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "database");
        // JdbiFactory registers a "database" check of its own over the request pool; ours replaces it.
        environment.healthChecks().unregister(DatabaseCheck.NAME);
        // Our SQL has no <attribute> templates. Dropwizard's default engine (a name-prepending wrapper around
        // JDBI's template parser) defeats JDBI's parse cache, so every statement was lexed again with ANTLR:
        // about a quarter of the CPU of an authenticated request. NOP passes the SQL through as written.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        if (config.isMigrateOnStart()) {
            SchemaMigrator.migrate(jdbi);
        }
        SessionDao sessions = jdbi.onDemand(SessionDao.class);
        CallerLookup callers = new CallerLookup(jdbi);

        PasswordHasher hasher = passwordHasher(config.getPasswords().getBcryptCost());
        if (hasher.cost() < PasswordSettings.RECOMMENDED_MINIMUM_COST) {
            LOG.warn("bcrypt cost {} is below {}: fine for tests, too weak for production passwords",
                    hasher.cost(), PasswordSettings.RECOMMENDED_MINIMUM_COST);
        }
        BulkheadSettings bulkheadSettings = config.getPasswords().getBulkhead();
        BcryptBulkhead bcrypt = new BcryptBulkhead(hasher, bulkheadSettings.effectiveThreads(),
                bulkheadSettings.getQueueSize(), bulkheadSettings.getMaxWait().toJavaDuration(), environment.metrics());
        environment.lifecycle().manage(bcrypt);
        environment.jersey().register(new BcryptDoor(bcrypt));
        TokenService tokens = tokenService(config.getTokens(), clock);

        AddressBucket buckets = new AddressBucket(config.getClients().getIpv6Prefix());
        AddressWindows loginFailures = new AddressWindows(jdbi, AddressWindows.Kind.LOGIN_FAILURES);
        AddressWindows registrationWindows = new AddressWindows(jdbi, AddressWindows.Kind.REGISTRATIONS);
        LoginThrottle throttle = new LoginThrottle(jdbi, loginFailures, config.getLockout(), buckets, clock);
        RegistrationThrottle registrations = new RegistrationThrottle(registrationWindows, buckets,
                config.getLockout().getRegistrationsPerAddress(),
                config.getLockout().getRegistrationWindow().toJavaDuration(), clock);
        AccountService accounts = new AccountService(jdbi, bcrypt, throttle, registrations, clock);
        SessionService sessionService = new SessionService(sessions, clock);
        LoginService logins = new LoginService(jdbi, bcrypt, tokens, throttle, clock,
                config.getTokens().getMaxSessionsPerUser());
        RefreshTokenRotation rotation = new RefreshTokenRotation(callers, sessions, tokens,
                config.getTokens().getMaxSessionAge().toJavaDuration(), clock);
        ClientAddressResolver addresses = new ClientAddressResolver(config.getClients().getTrustedProxies());

        environment.jersey().register(authentication(tokens, callers, sessions, clock));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        environment.jersey().register(new SecurityHeadersFilter());
        environment.jersey().register(new PlainJsonWriting());
        environment.jersey().register(new BodySizeLimitFilter(config.getClients().getMaxBodySize().toBytes()));
        allowCrossOrigin(environment, config.getClients().getCorsAllowedOrigins());
        errorMappers().forEach(environment.jersey()::register);
        JsonErrorHandler jettyErrors = new JsonErrorHandler();
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));

        installDatabaseCheck(config, environment);
        String version = version();
        environment.jersey().register(new HealthResource(() -> environment.health().healthStateAggregator()
                .healthStateView(DatabaseCheck.NAME).map(HealthStateView::isHealthy).orElse(false), version, clock));
        environment.jersey().register(new AuthResource(accounts, logins, rotation, sessionService, addresses,
                config.getClients().getMaxUserAgentLength()));
        environment.jersey().register(new UserResource(accounts));
        environment.jersey().register(new SessionResource(sessionService));
        environment.jersey().register(OpenApiResource.describing(version, HealthResource.class, AuthResource.class,
                UserResource.class, SessionResource.class));

        operatorActions(config, environment, jdbi, sessions, List.of(
                // one line per throttle table: its windows and how long a window lasts
                throttleTable(loginFailures, config.getLockout().getAddressWindow()),
                throttleTable(registrationWindows, config.getLockout().getRegistrationWindow())), clock);
    }

    /** The purge on its schedule, and the operator's tasks on the admin port (README: "Operating"). */
    private static void operatorActions(PortcullisConfiguration config, Environment environment, Jdbi jdbi,
                                        SessionDao sessions, List<Purge.ThrottleTable> throttleTables,
                                        Clock clock) {
        ThrottleDao throttleRecords = jdbi.onDemand(ThrottleDao.class);
        Purge purge = new Purge(sessions, throttleTables, config.getPurge().getRetention().toJavaDuration(), clock, environment.metrics());
        schedule(environment, purge, config.getPurge().getInterval());
        environment.admin().addTask(new PurgeExpiredTask(purge));
        AccountAdministration administration = new AccountAdministration(jdbi.onDemand(UserDao.class),
                throttleRecords, sessions, clock);
        environment.admin().addTask(new UnlockAccountTask(administration));
        environment.admin().addTask(new RevokeSessionsTask(administration));
    }

    private static Purge.ThrottleTable throttleTable(AddressWindows windows, io.dropwizard.util.Duration window) {
        return new Purge.ThrottleTable(windows.table(), window.toJavaDuration(), windows::forgetStartedBefore);
    }

    /**
     * The purge every interval on one lifecycle-managed thread, stopped with the server. The first run is
     * one interval after start, so instances restarted together do not all purge at once.
     */
    private static void schedule(Environment environment, Purge purge, io.dropwizard.util.Duration interval) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("purge-%d")
                .threads(1).build();
        long millis = interval.toMilliseconds();
        executor.scheduleWithFixedDelay(purge::purgeOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The time every service reads; a test subclass substitutes a clock it moves by hand. */
    protected Clock clock() {
        return CLOCK;
    }

    /**
     * The one {@code database} health check, over a one-connection pool of its own: the health module
     * schedules it as the critical check (config.yml) that /health and /health-check report.
     */
    private static void installDatabaseCheck(PortcullisConfiguration config, Environment environment) {
        io.dropwizard.util.Duration timeout = config.getHealthTimeout();
        ManagedDataSource probePool = config.getDatabase().probePool(timeout)
                .build(environment.metrics(), "database-check");
        environment.lifecycle().manage(probePool);
        DatabaseCheck check = new DatabaseCheck(Jdbi.create(probePool), timeout.toJavaDuration());
        environment.lifecycle().manage(check);
        environment.healthChecks().register(DatabaseCheck.NAME, check);
    }

    /** bcrypt at the configured cost; tests override this to watch or hold the checks that reach bcrypt. */
    protected PasswordHasher passwordHasher(int cost) {
        return new PasswordHasher(cost);
    }

    /**
     * CORS stays off unless origins are configured; then Jetty's CrossOriginHandler answers preflights for
     * exactly those origins, for bearer-token calls (no cookies, so no credentials mode).
     */
    private static void allowCrossOrigin(Environment environment, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
        cors.setAllowedMethods(Set.of("GET", "POST", "PATCH", "DELETE"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(java.time.Duration.ofMinutes(10));
        environment.getApplicationContext().insertHandler(cors);
    }

    private static TokenService tokenService(TokenSettings settings, Clock clock) {
        if (settings.getSecret().isEmpty()) {
            LOG.warn("JWT_SECRET is not set: using a random key for this process only. Tokens will not"
                    + " survive a restart and other instances will reject them.");
        }
        return settings.buildTokenService(clock);
    }

    private static Feature authentication(TokenService tokens, CallerLookup callers, SessionDao sessions,
                                          Clock clock) {
        BearerTokenFilter filter = new BearerTokenFilter.Builder()
                .setAuthenticator(new AccessTokenAuthenticator(tokens, callers, sessions, clock))
                .setPrefix("Bearer")
                .setRealm("portcullis")
                .setUnauthorizedHandler(new BearerChallenge())
                .buildAuthFilter();
        return new AuthDynamicFeature(filter);
    }

    /** Dropwizard's default mappers are off (config.yml); these produce the one error shape instead. */
    private static List<Object> errorMappers() {
        return List.of(new DomainExceptionMapper(), new DatabaseExceptionMapper(), new JsonInputExceptionMapper(),
                new ClientHangUpMapper(), new ViolationExceptionMapper(), new ValidationSetupExceptionMapper(),
                new WebApplicationExceptionMapper(), new UnexpectedExceptionMapper());
    }

    /**
     * Timestamps are written as ISO-8601 strings. Request bodies are read strictly: unknown fields fail, and a number or boolean is never quietly
     * turned into a string (Jackson's default), so {@code "email": 5} is a 422, not an address "5".
     */
    static void configureJson(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private static String version() {
        String version = PortcullisApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
