package org.portcullis.errors;

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
        return ErrorResponses.build(builder, org.portcullis.api.ErrorResponse.of(status, messageFor(status)));
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this API answers in application/json";
            case 413 -> "Request body is too large";
            case 415 -> "Unsupported media type: send application/json";
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                yield type != null ? type.getReasonPhrase() : "HTTP " + status;
            }
        };
    }
}
