package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.SQLException;

/**
 * Tells {@link Freshness} about every write of this instance that commits outside {@link Transactions}
 * (the on-demand DAOs' single statements run in autocommit): a statement that is not a SELECT, once it has
 * run. Inside a transaction this comes before the commit and counts for nothing more than a few reads
 * sent to the database; the transaction's own commit is reported by {@link Transactions}.
 *
 * <p>Wraps the SqlLogger already installed (Dropwizard's, which times statements), so both run.
 */
final class WriteMarks implements SqlLogger {
    private final SqlLogger next;
    private final Freshness freshness;

    private WriteMarks(SqlLogger next, Freshness freshness) {
        this.next = next;
        this.freshness = freshness;
    }

    static void install(Jdbi jdbi, Freshness freshness) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setSqlLogger(new WriteMarks(statements.getSqlLogger(), freshness));
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        next.logBeforeExecution(context);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        next.logAfterExecution(context);
        if (!isSelect(context.getRawSql())) {
            freshness.writeCommitted();
        }
    }

    @Override
    public void logException(StatementContext context, SQLException exception) {
        next.logException(context, exception);
        // A failed statement may still have changed rows before failing (in autocommit, nothing stays
        // changed; in a transaction, the commit reports). Erring towards reading the database is free.
        if (!isSelect(context.getRawSql())) {
            freshness.writeCommitted();
        }
    }

    /** Runs for every statement: looks past leading white space in place instead of copying the SQL. */
    static boolean isSelect(String sql) {
        if (sql == null) {
            return false;
        }
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        return sql.regionMatches(true, start, "SELECT", 0, 6);
    }
}
