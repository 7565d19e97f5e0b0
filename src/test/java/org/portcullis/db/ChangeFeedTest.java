package org.portcullis.db;

import com.codahale.metrics.MetricRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.domain.Account;
import org.portcullis.domain.Caller;
import org.portcullis.domain.Session;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ChangeFeed} on a real PostgreSQL database: the memory is served only while the change triggers
 * that announce every write are there and would fire, and a change no row trigger announces (TRUNCATE, a
 * writer in replica role) still reaches it.
 */
@ExtendWith(PostgresAvailable.class)
class ChangeFeedTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** Each test its own database: they disable and truncate what the next one would need. */
    private TestDatabase database;
    private Jdbi jdbi;
    private Freshness freshness;
    private final MetricRegistry metrics = new MetricRegistry();
    private CallerCache cache;
    private ChangeFeed feed;
    private Account account;
    private Session session;

    @BeforeEach
    void startTheFeed() {
        database = TestDatabase.postgres();
        jdbi = Jdbi.create(database.url()).installPlugin(new SqlObjectPlugin());
        SchemaMigrator.migrate(jdbi);
        Storage direct = Storage.over(jdbi);
        freshness = new Freshness(Duration.ofMillis(100), System::nanoTime);
        cache = new CallerCache(direct.reads(), freshness, 1000, 100, metrics);
        feed = new ChangeFeed(() -> DriverManager.getConnection(database.url()), cache, freshness, Duration.ofMillis(10),
                Duration.ofMillis(50));
        feed.start();
        account = new Account(UUID.randomUUID(), UUID.randomUUID() + "@example.org", "$2a$04$hash", "Ada", null,
                true, false, NOW, NOW, null, false);
        session = new Session(UUID.randomUUID(), account.id(), UUID.randomUUID(), "laptop", "curl/8",
                "192.0.2.1", NOW, NOW, NOW.plusSeconds(3600), null);
        direct.users().insert(account);
        direct.sessions().insert(session);
    }

    @AfterEach
    void stopTheFeed() throws InterruptedException {
        feed.stop();
        database.close();
    }

    @Test
    void aDisabledChangeTriggerStopsTheMemoryFromBeingServedUntilItIsEnabledAgain() {
        await("current", freshness::isCurrent);

        database.execute("ALTER TABLE sessions DISABLE TRIGGER USER");
        await("no longer current", () -> !freshness.isCurrent());

        database.execute("ALTER TABLE sessions ENABLE TRIGGER USER");
        await("current again", freshness::isCurrent);

        database.execute("ALTER TABLE users DISABLE TRIGGER USER");
        await("no longer current without the users' triggers", () -> !freshness.isCurrent());
    }

    @Test
    void aTruncateOfTheSessionsForgetsEveryRememberedCaller() {
        awaitRemembered();

        database.execute("TRUNCATE sessions");

        await("the truncated session is no longer served", () -> cache.caller(session.id(), account.id()).isEmpty());
    }

    @Test
    void aWriterInReplicaRoleStillAnnouncesItsChanges() throws Exception {
        awaitRemembered();

        try (Connection connection = DriverManager.getConnection(database.url());
             Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE sessions SET revoked_at = now() WHERE id = '" + session.id() + "'");
        }

        await("the revocation is heard", () -> {
            Optional<Caller> caller = cache.caller(session.id(), account.id());
            return caller.isPresent() && !caller.get().session().isLiveAt(NOW);
        });
    }

    /** Waits until the session's caller is served from memory (the setup's own notifications come first). */
    private void awaitRemembered() {
        await("the caller is served from memory", () -> {
            long hits = metrics.meter("portcullis.callerCache.hits").getCount();
            assertThat(cache.caller(session.id(), account.id())).map(c -> c.session().isLiveAt(NOW)).contains(true);
            return metrics.meter("portcullis.callerCache.hits").getCount() > hits;
        });
    }

    /** Polls (at most 5 s) until {@code condition} holds. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("within 5 s: %s", what).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
