package org.portcullis.db;

import com.codahale.metrics.MetricRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.portcullis.support.TestDatabase;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement count operators read and the one a request's work is attributed from. */
class StatementCountTest {
    private final MetricRegistry metrics = new MetricRegistry();
    private final Jdbi jdbi = Jdbi.create(TestDatabase.h2().url());

    @Test
    void aThreadCountsItsOwnStatementsAndTheMetricCountsEveryThreads() throws Exception {
        new StatementCount(metrics).install(jdbi);
        long before = StatementCount.onThisThread();

        select(2);
        CompletableFuture.runAsync(() -> select(3)).get();

        assertThat(StatementCount.onThisThread() - before).isEqualTo(2);
        assertThat(metrics.counter(StatementCount.METRIC).getCount()).isEqualTo(5);
    }

    @Test
    void theLoggerTheJdbiHadStillSeesEveryStatement() {
        AtomicInteger seen = new AtomicInteger();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                seen.incrementAndGet();
            }
        });
        new StatementCount(metrics).install(jdbi);

        select(2);

        assertThat(seen).hasValue(2);
    }

    @Test
    void aStatementTheDatabaseRefusesWhileExecutingStillCounts() {
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE once (id INT PRIMARY KEY)"));
        new StatementCount(metrics).install(jdbi);
        long before = StatementCount.onThisThread();

        jdbi.useHandle(handle -> handle.execute("INSERT INTO once VALUES (1)"));
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("INSERT INTO once VALUES (1)")))
                .hasMessageContaining("PRIMARY KEY");

        assertThat(StatementCount.onThisThread() - before).isEqualTo(2);
    }

    private void select(int times) {
        jdbi.useHandle(handle -> {
            for (int i = 0; i < times; i++) {
                handle.createQuery("SELECT 1").mapTo(Integer.class).one();
            }
        });
    }
}
