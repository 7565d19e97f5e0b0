package org.portcullis.http.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.setup.Environment;
import org.portcullis.domain.Caller;
import org.portcullis.service.AccessTokenAuthenticator;

/**
 * Bearer authentication for every {@code @Auth Caller} parameter: {@link BearerTokenFilter} reads the
 * header, the service's {@link AccessTokenAuthenticator} decides, and {@link BearerChallenge} answers 401.
 */
public final class BearerAuthentication {
    static final String REALM = "portcullis";

    private BearerAuthentication() {
    }

    public static void install(Environment environment, AccessTokenAuthenticator authenticator) {
        BearerTokenFilter filter = new BearerTokenFilter.Builder()
                .setAuthenticator(authenticator::authenticate)
                .setPrefix(BearerTokenFilter.SCHEME)
                .setRealm(REALM)
                .setUnauthorizedHandler(new BearerChallenge())
                .buildAuthFilter();
        environment.jersey().register(new AuthDynamicFeature(filter));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    }
}
