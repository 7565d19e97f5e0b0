package org.portcullis.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.portcullis.api.SecurityHeaders;

/**
 * Puts the {@link SecurityHeaders} on every response Jersey writes: no-store on those under /api and on the
 * OAuth endpoints under /oauth2, whose answers describe tokens.
 */
@Provider
public final class SecurityHeadersFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        SecurityHeaders.apply(path.startsWith("api/") || path.startsWith("oauth2/"), response.getHeaders()::putSingle);
    }
}
