package org.portcullis.http.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Anything no other mapper claimed is our bug: the client gets a generic 500 and an id, the log gets the
 * stack trace under the same id, so a support request can be matched to its cause.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    static final String MESSAGE = "Internal server error";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected error {}", id, e);
        return ErrorResponses.of(500, MESSAGE + " (error id " + id + ")");
    }
}
