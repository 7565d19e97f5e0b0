package org.portcullis.http.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey's own refusals (404 no such resource, 405 wrong method, 415 wrong media type, 406 ...) in the
 * one error shape. Headers such as Allow and WWW-Authenticate are kept; a response that already carries
 * our error body (the bearer challenge) passes through untouched.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        Response.ResponseBuilder builder = Response.fromResponse(original);
        return ErrorResponses.build(builder, org.portcullis.api.ErrorResponse.of(status, ErrorResponses.messageFor(status)));
    }
}
