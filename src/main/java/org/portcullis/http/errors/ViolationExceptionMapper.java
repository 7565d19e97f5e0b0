package org.portcullis.http.errors;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Locale;

/**
 * Bean Validation failures on a request body become 422 with one {@code "field: problem"} line per
 * violation, sorted so the answer is stable. Field names are given as the client wrote them (snake_case).
 */
@Provider
public final class ViolationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
    @Override
    public Response toResponse(JerseyViolationException e) {
        List<String> errors = e.getConstraintViolations().stream()
                .map(ViolationExceptionMapper::describe)
                .sorted()
                .distinct()
                .toList();
        return ErrorResponses.invalid("Request validation failed", errors);
    }

    static String describe(ConstraintViolation<?> violation) {
        return fieldOf(violation.getPropertyPath()) + ": " + violation.getMessage();
    }

    /**
     * The last property node, in snake_case; "body" when the violation is on the request entity itself
     * (a missing body), whose path ends in the method parameter.
     */
    static String fieldOf(Path path) {
        String field = "body";
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return snakeCase(field);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
