package org.portcullis.errors;

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

    static Response build(Response.ResponseBuilder builder, ErrorResponse body) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
