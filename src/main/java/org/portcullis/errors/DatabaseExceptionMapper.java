package org.portcullis.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Database failures. One the client can do nothing about but wait for (no connection to be had, the
 * connection lost, the server shutting down) is a 503 with Retry-After, so load balancers and clients
 * back off instead of treating it as a bug; anything else from the database is ours and a 500.
 */
@Provider
public final class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {
    static final String UNAVAILABLE = "Database unavailable; retry shortly";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionMapper.class);

    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(JdbiException e) {
        if (!isUnavailable(e)) {
            return unexpected.toResponse(e);
        }
        LOG.warn("Database unavailable: {}", rootMessage(e));
        Response response = ErrorResponses.of(503, UNAVAILABLE);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return response;
    }

    /**
     * True for a connection that could not be had or was lost: SQLState class 08 (connection exception),
     * 57P0x (PostgreSQL shutting down), and the JDBC connection exception types.
     */
    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
