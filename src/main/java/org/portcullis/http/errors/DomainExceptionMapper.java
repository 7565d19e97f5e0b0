package org.portcullis.http.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

/** A service's refusal becomes its status; the message is already written for clients. */
@Provider
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
        Response response = ErrorResponses.of(statusOf(e.kind()), e.getMessage());
        if (e.kind() == DomainException.Kind.UNAUTHENTICATED) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"portcullis\"");
        } else if (e.kind() == DomainException.Kind.CLIENT_UNAUTHENTICATED) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"portcullis\"");
        } else if (e instanceof RetryLaterException later) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(later.retryAfterSeconds()));
        }
        return response;
    }

    static int statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case UNAUTHENTICATED, CLIENT_UNAUTHENTICATED -> 401;
            case INVALID_REQUEST -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_ATTEMPTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
