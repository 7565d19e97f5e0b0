package org.portcullis.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.portcullis.domain.Session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Maps a {@code sessions} row, optionally with a column prefix (see {@link AccountMapper}). */
public final class SessionMapper implements RowMapper<Session> {
    private final String prefix;

    public SessionMapper() {
        this("");
    }

    public SessionMapper(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Session map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Session(
                rs.getObject(prefix + "id", UUID.class),
                rs.getObject(prefix + "user_id", UUID.class),
                rs.getObject(prefix + "refresh_jti", UUID.class),
                rs.getString(prefix + "device_name"),
                rs.getString(prefix + "user_agent"),
                rs.getString(prefix + "ip_address"),
                Timestamps.read(rs, prefix + "created_at"),
                Timestamps.read(rs, prefix + "last_used_at"),
                Timestamps.read(rs, prefix + "expires_at"),
                Timestamps.read(rs, prefix + "revoked_at"));
    }
}
