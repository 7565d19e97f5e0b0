package org.portcullis.db;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.SQLException;

/**
 * Counts the SQL statements the application's Jdbis execute: all of them in the counter
 * {@value #METRIC} (operators see statements per second), and each thread's own in a count that only ever
 * grows, as the JVM's per-thread allocation counter does. Whoever wants the statements of one piece of work
 * (a request) reads this thread's count before and after it: the difference is exact, and statements that
 * other threads run meanwhile (the health check's SELECT 1 every second, the signing-key schedule, the
 * outbox sender, the purge) cannot reach it, so the same request makes the same count on every run.
 *
 * <p>A statement counts once when Jdbi is about to execute it, whether it then succeeds or throws (one the
 * driver cannot even prepare, H2's unknown table, never reaches execution and does not count); a batch is one
 * execution. Statements the caller cache answers from memory never reach Jdbi and are not counted,
 * which is right: they cost no round trip. The change feed's LISTEN and heartbeat go over a JDBC
 * connection of their own, outside Jdbi, and are not counted either.
 */
public final class StatementCount {
    /** Every statement the request pool and the health probe executed. */
    public static final String METRIC = "portcullis.sql.statements";

    /** One long per thread; a thread only ever adds to its own, so a plain field is enough. */
    private static final ThreadLocal<long[]> OF_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private final Counter all;

    public StatementCount(MetricRegistry metrics) {
        this.all = metrics.counter(METRIC);
    }

    /**
     * Statements executed so far on the calling thread, by any Jdbi counted here; only differences mean
     * anything. Shared by every application in the JVM (tests run several): a thread runs one at a time.
     */
    public static long onThisThread() {
        return OF_THREAD.get()[0];
    }

    /** Counts {@code jdbi}'s statements, keeping whatever SqlLogger it had (Dropwizard's timers per statement). */
    public void install(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setSqlLogger(new Counting(statements.getSqlLogger(), all));
    }

    private record Counting(SqlLogger delegate, Counter all) implements SqlLogger {
        @Override
        public void logBeforeExecution(StatementContext context) {
            OF_THREAD.get()[0]++;
            all.inc();
            delegate.logBeforeExecution(context);
        }

        @Override
        public void logAfterExecution(StatementContext context) {
            delegate.logAfterExecution(context);
        }

        @Override
        public void logException(StatementContext context, SQLException exception) {
            delegate.logException(context, exception);
        }
    }
}
