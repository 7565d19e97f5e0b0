package org.portcullis.db;

import com.codahale.metrics.MetricRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.domain.Account;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.Caller;
import org.portcullis.domain.Session;
import org.portcullis.support.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this instance's own writes do to its memory, over a real database (H2) and the storage the services
 * use. No change feed runs: every "heartbeat" is the test's, and no notification ever arrives, as when the
 * change triggers are missing or disabled.
 */
class OwnWritesTest {
    private static final long MS = 1_000_000L;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final TestDatabase database = TestDatabase.h2();
    private final Jdbi jdbi = Jdbi.create(database.url()).installPlugin(new SqlObjectPlugin());
    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final Freshness freshness = new Freshness(Duration.ofMillis(100), clock::get);
    private final MetricRegistry metrics = new MetricRegistry();
    private Storage storage;
    private CallerCache cache;
    private Account account;
    private Session session;

    @BeforeEach
    void storeAnAccountWithOneSession() {
        SchemaMigrator.migrate(jdbi);
        Storage direct = Storage.over(jdbi);
        cache = new CallerCache(direct.reads(), freshness, 1000, 100, metrics);
        storage = direct.remembering(jdbi, cache, freshness);
        account = new Account(UUID.randomUUID(), "ada@example.org", "$2a$04$hash", "Ada", null, true, false,
                NOW, NOW, null, false);
        session = new Session(UUID.randomUUID(), account.id(), UUID.randomUUID(), "laptop", "curl/8",
                "192.0.2.1", NOW, NOW, NOW.plusSeconds(3600), null);
        storage.users().insert(account);
        storage.sessions().insert(session);
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void aLogoutWrittenHereIsEnforcedHereWithoutItsNotification() {
        heartbeatReturned();
        assertThat(storage.reads().caller(session.id(), account.id())).map(c -> c.session().isLiveAt(NOW)).contains(true);
        assertThat(storage.reads().caller(session.id(), account.id())).isPresent();
        assertThat(metrics.meter("portcullis.callerCache.hits").getCount()).as("remembered").isEqualTo(1);

        storage.sessions().revoke(session.id(), account.id(), NOW);
        heartbeatReturned();

        Optional<Caller> after = storage.reads().caller(session.id(), account.id());
        assertThat(after).map(c -> c.session().isLiveAt(NOW)).as("read again after the logout").contains(false);
    }

    @Test
    void aChangeCommittedInATransactionIsForgottenHereAtItsCommit() {
        heartbeatReturned();
        storage.reads().caller(session.id(), account.id());

        storage.transactions().useTransaction(transaction ->
                transaction.sessions().revokeAllExcept(account.id(), UUID.randomUUID(), NOW));
        heartbeatReturned();

        assertThat(storage.reads().caller(session.id(), account.id())).map(c -> c.session().isLiveAt(NOW))
                .contains(false);
    }

    @Test
    void statementsThatChangeNoRowLeaveTheMemoryServed() {
        Duration window = Duration.ofMinutes(15);
        assertThat(storage.loginFailures().claim("192.0.2.9", window, 1).granted()).isTrue();
        heartbeatReturned();
        UUID nobody = UUID.randomUUID();

        assertThat(storage.sessions().revokeAllFor(nobody, NOW)).isZero();
        assertThat(storage.accountLocks().claim(nobody,
                new Lockouts.Schedule(10, Duration.ofMinutes(1), Duration.ofMinutes(15)))).isFalse();
        assertThat(storage.loginFailures().claim("192.0.2.9", window, 1).granted()).as("refused").isFalse();

        assertThat(freshness.isCurrent()).as("refused logins and no-op writes do not switch the memory off").isTrue();
    }

    @Test
    void recordingAFailedLoginInTheAuditTrailLeavesTheMemoryServed() {
        heartbeatReturned();
        storage.audit().insert(AuthEvent.of(NOW, AuthEvent.Type.LOGIN_FAILED, account.id(), account.email(), null,
                "wrong password", "192.0.2.9", "curl/8"));
        assertThat(freshness.isCurrent()).as("audit rows are nothing the memory holds").isTrue();
    }

    @Test
    void aStatementThatChangedRowsStopsServingUntilALaterHeartbeat() {
        heartbeatReturned();
        storage.users().updateNames(account.id(), "Augusta", null, NOW);
        assertThat(freshness.isCurrent()).isFalse();
        heartbeatReturned();
        assertThat(freshness.isCurrent()).isTrue();
    }

    private void heartbeatReturned() {
        clock.addAndGet(MS);
        freshness.heartbeatReturned(freshness.now());
    }
}
