package org.portcullis;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.health.HealthStateView;
import org.portcullis.health.DatabaseCheck;
import org.portcullis.health.InRotation;
import org.portcullis.http.ClientAddressResolver;
import org.portcullis.http.RequestOrigins;
import org.portcullis.http.resources.AccountRecoveryResource;
import org.portcullis.http.resources.AuthResource;
import org.portcullis.http.resources.HealthResource;
import org.portcullis.http.resources.OAuthResource;
import org.portcullis.http.resources.OpenApiResource;
import org.portcullis.http.resources.SessionResource;
import org.portcullis.http.resources.UserResource;
import org.portcullis.http.resources.WellKnownResource;

import java.time.Clock;

/** The API's resources over the services, and the OpenAPI document that describes exactly those. */
final class ApiResources {
    private ApiResources() {
    }

    static void register(Environment environment, PortcullisConfiguration config, Services services, Clock clock) {
        String version = version();
        environment.jersey().register(new HealthResource(InRotation.of(environment), () -> environment.health().healthStateAggregator()
                .healthStateView(DatabaseCheck.NAME).map(HealthStateView::isHealthy).orElse(false), version, clock));
        RequestOrigins origins = new RequestOrigins(new ClientAddressResolver(config.getClients().getTrustedProxies()),
                config.getClients().getMaxUserAgentLength());
        environment.jersey().register(new AuthResource(services.accounts(), services.logins(), services.rotation(),
                services.sessions(), origins));
        environment.jersey().register(new AccountRecoveryResource(services.passwordResets(),
                services.emailVerification(), origins));
        environment.jersey().register(new UserResource(services.accounts(), origins));
        environment.jersey().register(new SessionResource(services.sessions(), origins));
        String issuer = config.getTokens().getIssuer();
        environment.jersey().register(new WellKnownResource(services.signing().keys(), issuer,
                jwksMaxAge(config.getTokens().getKeyPublishAhead().toJavaDuration())));
        environment.jersey().register(new OAuthResource(services.introspection(), services.resourceServers(), issuer, origins));
        environment.jersey().register(OpenApiResource.describing(version, HealthResource.class, AuthResource.class,
                AccountRecoveryResource.class, UserResource.class, SessionResource.class, WellKnownResource.class,
                OAuthResource.class));
    }

    /**
     * How long a resource server may cache the JWKS: five minutes, or less if keys are published less than
     * ten minutes ahead, so that a cached set always holds the next key before it signs.
     */
    static java.time.Duration jwksMaxAge(java.time.Duration publishAhead) {
        java.time.Duration half = publishAhead.dividedBy(2);
        java.time.Duration five = java.time.Duration.ofMinutes(5);
        return half.compareTo(five) < 0 ? half : five;
    }

    /** The jar's Implementation-Version (the pom's version), or "dev" when run from classes. */
    private static String version() {
        String version = PortcullisApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
