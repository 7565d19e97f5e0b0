package org.portcullis.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * {@code timestamp with time zone} columns read as OffsetDateTime, which H2 and the PostgreSQL driver
 * both return exactly; going through java.sql.Timestamp would drag in the JVM's default time zone.
 */
final class Timestamps {
    private Timestamps() {
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
