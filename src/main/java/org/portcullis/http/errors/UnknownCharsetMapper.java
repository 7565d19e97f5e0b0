package org.portcullis.http.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A body whose {@code charset} names nothing the JVM knows ({@code charset=nope}). Jersey's form reader
 * looks the charset up outside its own 400 handling, so without this the exception reached the catch-all as a
 * 500 with a logged stack trace, before the OAuth endpoints had even authenticated the caller.
 */
@Provider
public final class UnknownCharsetMapper implements ExceptionMapper<IllegalArgumentException> {
    static final String MESSAGE = "Unsupported charset: send UTF-8";

    @Override
    public Response toResponse(IllegalArgumentException e) {
        if (e instanceof IllegalCharsetNameException || e instanceof UnsupportedCharsetException) {
            return ErrorResponses.of(415, MESSAGE);
        }
        return new UnexpectedExceptionMapper().toResponse(e);
    }
}
