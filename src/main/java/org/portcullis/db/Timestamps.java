package org.portcullis.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * {@code timestamp with time zone} columns read as OffsetDateTime, which H2 and the PostgreSQL driver
 * both return exactly; going through java.sql.Timestamp would drag in the JVM's default time zone. Spans the
 * database measured itself ({@code EXTRACT(EPOCH FROM interval)}) are read as exact decimal seconds.
 */
final class Timestamps {
    private Timestamps() {
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A span in seconds, as {@code EXTRACT(EPOCH FROM ...)} gives it (fractions to the microsecond). */
    static Duration seconds(ResultSet rs, String column) throws SQLException {
        return Duration.ofNanos(rs.getBigDecimal(column).movePointRight(9).longValue());
    }
}
