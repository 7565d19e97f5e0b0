package org.portcullis.http.errors;

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
import java.util.Set;

/**
 * Database failures. One the client can do nothing about but wait for is a 503 with Retry-After, so load
 * balancers and clients back off instead of treating it as a bug: no connection to be had, the connection
 * lost, the server shutting down ("unavailable"), or a statement that lost out to other transactions or
 * was cancelled ("busy"). Anything else from the database is ours and a 500.
 */
@Provider
public final class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {
    static final String UNAVAILABLE = "Database unavailable; retry shortly";
    static final String BUSY = "Database busy; retry shortly";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionMapper.class);

    /**
     * SQLStates of a statement that would likely succeed if run again: serialization failure or H2's
     * deadlock (40001), PostgreSQL's deadlock (40P01), lock not available within lock_timeout (55P03),
     * statement cancelled, e.g. by statement_timeout (57014), and H2's lock timeout (HYT00).
     */
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40P01", "55P03", "57014", "HYT00");

    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(JdbiException e) {
        String message = isUnavailable(e) ? UNAVAILABLE : isContention(e) ? BUSY : null;
        if (message == null) {
            return unexpected.toResponse(e);
        }
        LOG.warn("{}: {}", message, rootMessage(e));
        Response response = ErrorResponses.of(503, message);
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
            String state = sqlState(t);
            if (state.startsWith("08") || state.startsWith("57P")) {
                return true;
            }
        }
        return false;
    }

    /** True for a lock timeout, a deadlock or a cancelled statement; see {@link #CONTENTION_STATES}. */
    static boolean isContention(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (CONTENTION_STATES.contains(sqlState(t))) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable error) {
        return error instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
