package org.portcullis.http.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A request body over the configured maximum. Thrown while the body is read, so Jackson may wrap it in
 * its own exception; {@link #isCause} finds it again.
 */
public final class BodyTooLargeException extends WebApplicationException {
    public BodyTooLargeException() {
        super(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
