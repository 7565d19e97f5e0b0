package org.portcullis.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.portcullis.domain.Account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Maps a {@code users} row. The column prefix lets the same mapper read the user half of the joined
 * query the authenticator runs on every request ({@code u_id, u_email, ...}).
 */
public final class AccountMapper implements RowMapper<Account> {
    private final String prefix;

    public AccountMapper() {
        this("");
    }

    public AccountMapper(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Account map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(
                rs.getObject(prefix + "id", UUID.class),
                rs.getString(prefix + "email"),
                rs.getString(prefix + "password_hash"),
                rs.getString(prefix + "first_name"),
                rs.getString(prefix + "last_name"),
                rs.getBoolean(prefix + "is_active"),
                rs.getBoolean(prefix + "is_superuser"),
                Timestamps.read(rs, prefix + "created_at"),
                Timestamps.read(rs, prefix + "updated_at"),
                Timestamps.read(rs, prefix + "locked_until"),
                rs.getBoolean(prefix + "email_verified"));
    }
}
