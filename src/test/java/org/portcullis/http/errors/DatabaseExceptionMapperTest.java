package org.portcullis.http.errors;

import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.api.ErrorResponse;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseExceptionMapperTest {
    private final DatabaseExceptionMapper mapper = new DatabaseExceptionMapper();

    /** A failed statement as JDBI hands it to the resource layer. */
    private static UnableToExecuteStatementException failedStatement(String sqlState) {
        return new UnableToExecuteStatementException(new SQLException("detail", sqlState), null);
    }

    @Test
    void lostOrUnobtainableConnectionsAreUnavailable() {
        assertThat(DatabaseExceptionMapper.isUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseExceptionMapper.isUnavailable(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(DatabaseExceptionMapper.isUnavailable(new SQLTransientConnectionException("pool timeout"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseExceptionMapper.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
        assertThat(DatabaseExceptionMapper.isUnavailable(new SQLException("unique", "23505"))).isFalse();
        assertThat(DatabaseExceptionMapper.isUnavailable(new IllegalStateException("other"))).isFalse();
        assertThat(DatabaseExceptionMapper.isContention(new SQLException("syntax", "42601"))).isFalse();
        assertThat(DatabaseExceptionMapper.isContention(new SQLException("no state"))).isFalse();
        assertThat(DatabaseExceptionMapper.isContention(new IllegalStateException("other"))).isFalse();
    }

    /** PostgreSQL: deadlock, lock_timeout, cancelled statement; H2: deadlock and lock timeout. */
    @ParameterizedTest
    @ValueSource(strings = {"40P01", "55P03", "57014", "40001", "HYT00"})
    void lockTimeoutsDeadlocksAndCancelledStatementsAre503WithRetryAfter(String sqlState) {
        Response response = mapper.toResponse(failedStatement(sqlState));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(DatabaseExceptionMapper.RETRY_AFTER_SECONDS);
        assertThat(response.getEntity()).isEqualTo(ErrorResponse.of(503, DatabaseExceptionMapper.BUSY));
    }

    @Test
    void anUnreachableDatabaseIs503SayingSo() {
        Response response = mapper.toResponse(failedStatement("08006"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getEntity()).isEqualTo(ErrorResponse.of(503, DatabaseExceptionMapper.UNAVAILABLE));
    }

    @Test
    void anyOtherStatementFailureIsAGeneric500() {
        Response response = mapper.toResponse(failedStatement("42601"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
        assertThat(((ErrorResponse) response.getEntity()).message()).startsWith(UnexpectedExceptionMapper.MESSAGE);
    }
}
