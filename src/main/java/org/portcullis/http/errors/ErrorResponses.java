package org.portcullis.http.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.portcullis.api.ErrorResponse;

import java.util.List;

/** Builds every error response, so the shape and the content type cannot drift between mappers. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static Response of(int status, String message) {
        return build(Response.status(status), ErrorResponse.of(status, message));
    }

    static Response invalid(String message, List<String> errors) {
        return build(Response.status(422), new ErrorResponse(422, message, errors));
    }

    /** The message of an error that has nothing more specific to say than its status. */
    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this API answers in application/json";
            case 413 -> "Request body is too large";
            case 415 -> "Unsupported media type: send application/json";
            case 431 -> "Request headers are too large";
            case 500 -> UnexpectedExceptionMapper.MESSAGE;
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                yield type != null ? type.getReasonPhrase() : "HTTP " + status;
            }
        };
    }

    static Response build(Response.ResponseBuilder builder, ErrorResponse body) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
