package org.portcullis.http.errors;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A Bean Validation failure that is not a client's invalid input but our own broken constraint setup
 * (HV000151, an unsupported constraint type, …). Jersey's bean-validation module would answer it with
 * Hibernate Validator's message as the body; it is a server bug like any other, so it gets the generic
 * 500 and the detail goes to the log. Invalid input (JerseyViolationException) has its own, closer mapper.
 */
@Provider
public final class ValidationSetupExceptionMapper implements ExceptionMapper<ValidationException> {
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(ValidationException e) {
        return unexpected.toResponse(e);
    }
}
