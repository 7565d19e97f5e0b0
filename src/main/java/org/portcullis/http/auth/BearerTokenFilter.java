package org.portcullis.http.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.portcullis.domain.Caller;

/**
 * Reads {@code Authorization: Bearer <token>} and nothing else. Dropwizard's OAuthCredentialAuthFilter
 * also accepts an {@code access_token} query parameter; tokens in URLs end up in access logs, proxies and
 * browser history, so Portcullis does not offer that door at all.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter extends AuthFilter<String, Caller> {
    static final String SCHEME = "Bearer";

    private BearerTokenFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = tokenFrom(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!authenticate(request, token, SCHEME)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    /** The token of a well-formed bearer header ("Bearer" in any case, one space), else null. */
    static String tokenFrom(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return null;
        }
        String token = header.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }

    /** Builds the filter; prefix and realm appear in WWW-Authenticate. */
    public static final class Builder extends AuthFilterBuilder<String, Caller, BearerTokenFilter> {
        @Override
        protected BearerTokenFilter newInstance() {
            return new BearerTokenFilter();
        }
    }
}
