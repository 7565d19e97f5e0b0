package org.portcullis.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.portcullis.domain.OutgoingMail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Maps a {@code mail_outbox} row. */
public final class OutgoingMailMapper implements RowMapper<OutgoingMail> {
    @Override
    public OutgoingMail map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutgoingMail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), rs.getInt("attempts"));
    }
}
