package org.portcullis.http.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client closed its connection before sending the whole body it announced: Jetty's EofException
 * surfaces from Jackson's read of the entity. Nothing is wrong with the service and nobody is left to read
 * an answer, so it is one DEBUG line, not an ERROR with a stack trace that would bury real faults (and let
 * anyone fill the log by hanging up). The 400 is for the request log, and for a client that only
 * half-closed and still listens.
 */
@Provider
public final class ClientHangUpMapper implements ExceptionMapper<EofException> {
    static final String MESSAGE = "Request body ended before its declared length";
    private static final Logger LOG = LoggerFactory.getLogger(ClientHangUpMapper.class);

    @Override
    public Response toResponse(EofException e) {
        LOG.debug("Client hung up while sending the request body: {}", e.toString());
        return ErrorResponses.of(400, MESSAGE);
    }
}
