package org.portcullis.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.portcullis.domain.Caller;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the joined row of {@link CallerLookup}. */
public final class CallerMapper implements RowMapper<Caller> {
    private final AccountMapper accounts = new AccountMapper("u_");
    private final SessionMapper sessions = new SessionMapper("s_");

    @Override
    public Caller map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Caller(accounts.map(rs, ctx), sessions.map(rs, ctx));
    }
}
