package org.portcullis.errors;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseExceptionMapperTest {
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
    }
}
