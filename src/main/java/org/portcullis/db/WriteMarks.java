package org.portcullis.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this instance's own writes tell its memory, without waiting for PostgreSQL to announce them:
 * <ul>
 *   <li>every statement that changed rows tells {@link Freshness}, so that nothing is served from memory
 *       until a heartbeat sent after it comes back (by then its notification has been heard);</li>
 *   <li>a statement marked {@link ChangedUser} that changed rows makes the {@link CallerCache} forget that
 *       user at once (in autocommit) or at its transaction's commit, so a logout, a revocation or a password
 *       change is enforced here on the next request even when no notification ever comes (the change
 *       triggers disabled between two checks of the {@link ChangeFeed}, or a writer that bypasses them).</li>
 * </ul>
 * A statement that changed nothing (a refused login's throttle claim, a revocation of a session already
 * revoked) marks nothing: such statements are what floods of refused requests are made of, and marking
 * them kept the memory switched off under a cheap flood.
 *
 * <p>A Jdbi configuration, so that the {@link ChangedUser} customizer of any statement finds the cache of
 * the Jdbi that runs it; without {@link #install} (H2, the cache off) it does nothing.
 */
public final class WriteMarks implements JdbiConfig<WriteMarks> {
    private Consumer<UUID> forget = userId -> { };

    public WriteMarks() {
    }

    private WriteMarks(WriteMarks other) {
        this.forget = other.forget;
    }

    static void install(Jdbi jdbi, Freshness freshness, CallerCache cache) {
        jdbi.getConfig(WriteMarks.class).forget = cache::changed;
        jdbi.getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
                // -1 for a query; inside a transaction this comes before the commit, which Transactions reports.
                if (statement.getUpdateCount() > 0 && mayChangeRememberedRows(context.getRawSql())) {
                    freshness.writeCommitted();
                }
            }
        });
    }

    private static final Pattern WRITE_TARGET = Pattern.compile(
            "\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    /**
     * False only for a statement whose target is a table the memory holds nothing of (the audit trail, the
     * mail outbox, throttle windows, signing keys …): their writes come with every registration (its mail),
     * every failed login (its audit event) and the outbox sender's claims, and marking them switched the memory
     * off for a heartbeat each time. A statement of another shape (a CTE, a join) counts as a change.
     */
    static boolean mayChangeRememberedRows(String sql) {
        Matcher target = WRITE_TARGET.matcher(sql);
        if (!target.lookingAt()) {
            return true;
        }
        String table = target.group(1).toLowerCase(Locale.ROOT);
        return table.equals("users") || table.equals("sessions");
    }

    @Override
    public WriteMarks createCopy() {
        return new WriteMarks(this);
    }

    /**
     * A statement on {@code handle} changed rows of {@code userId}'s account or sessions. Forgotten after the
     * commit, not before: a read between the statement and the commit still sees the old row, and storing
     * it after an early forget would outlive the change. The cache's change count makes a read in flight
     * across the forget drop its row.
     */
    void changed(UUID userId, Handle handle) {
        if (handle.isInTransaction()) {
            handle.afterCommit(() -> forget.accept(userId));
        } else {
            forget.accept(userId);
        }
    }
}
