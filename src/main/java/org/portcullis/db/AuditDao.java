package org.portcullis.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.portcullis.domain.AuthEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code auth_events} table: written in the transaction of the change it records, read by operators.
 * The uuid columns are cast because an absent id (a failed login to an unknown email) binds as a typeless
 * null, which PostgreSQL refuses to store in a uuid column.
 */
@RegisterRowMapper(AuditDao.Mapper.class)
public interface AuditDao {
    @SqlUpdate("INSERT INTO auth_events (id, occurred_at, type, user_id, email, session_id, detail, address,"
            + " user_agent) VALUES (:id, :occurredAt, :typeName, CAST(:userId AS uuid), :email, CAST(:sessionId AS uuid), :detail, :address,"
            + " :userAgent)")
    void insert(@BindMethods AuthEvent event, @Bind("typeName") String typeName);

    default void insert(AuthEvent event) {
        insert(event, event.type().name());
    }

    /** The newest events naming this email (the account's, or attempts at it), newest first. */
    @SqlQuery("SELECT * FROM auth_events WHERE email = :email ORDER BY occurred_at DESC, id LIMIT :limit")
    List<AuthEvent> forEmail(@Bind("email") String email, @Bind("limit") int limit);

    @SqlQuery("SELECT * FROM auth_events ORDER BY occurred_at DESC, id LIMIT :limit")
    List<AuthEvent> newest(@Bind("limit") int limit);

    @SqlUpdate("DELETE FROM auth_events WHERE occurred_at < :cutoff")
    int deleteBefore(@Bind("cutoff") Instant cutoff);

    final class Mapper implements RowMapper<AuthEvent> {
        @Override
        public AuthEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AuthEvent(rs.getObject("id", UUID.class), Timestamps.read(rs, "occurred_at"),
                    AuthEvent.Type.valueOf(rs.getString("type")), rs.getObject("user_id", UUID.class),
                    rs.getString("email"), rs.getObject("session_id", UUID.class), rs.getString("detail"),
                    rs.getString("address"), rs.getString("user_agent"));
        }
    }
}
