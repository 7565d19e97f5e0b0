package org.portcullis.http.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.portcullis.api.ErrorResponse;

/** The 401 of a missing or bad bearer token: the one error shape plus the RFC 6750 challenge. */
public final class BearerChallenge implements UnauthorizedHandler {
    static final String MESSAGE = "Missing or invalid access token";

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(401, MESSAGE))
                .build();
    }
}
