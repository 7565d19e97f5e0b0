package org.portcullis.db;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.domain.Account;
import org.portcullis.domain.Caller;
import org.portcullis.domain.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CallerCache} over a database the test plays: what is served from memory and what is read again. */
class CallerCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Freshness freshness = new Freshness(Duration.ofMillis(100), clock::get);
    private final FakeDatabase database = new FakeDatabase();
    private final MetricRegistry metrics = new MetricRegistry();
    private final CallerCache cache = new CallerCache(database, freshness, 1000, 100, metrics);
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    private final Account account = new Account(UUID.randomUUID(), "ada@example.org", "$2a$12$hash", "Ada", null,
            true, false, NOW, NOW, null, false);
    private final Session session = session(NOW.plusSeconds(3600), null);

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void aCallerIsReadOnceAndThenServedFromMemory() {
        current();
        database.store(account, session);

        assertThat(cache.caller(session.id(), account.id())).contains(new Caller(account, session));
        assertThat(cache.caller(session.id(), account.id())).contains(new Caller(account, session));
        assertThat(database.callerReads.get()).isEqualTo(1);
        assertThat(metrics.meter("portcullis.callerCache.hits").getCount()).isEqualTo(1);
    }

    @Test
    void whileNotCurrentEveryRequestReadsTheDatabaseAndNothingIsRemembered() {
        database.store(account, session);
        cache.caller(session.id(), account.id());
        cache.caller(session.id(), account.id());
        assertThat(database.callerReads.get()).isEqualTo(2);

        current();
        cache.caller(session.id(), account.id());
        assertThat(database.callerReads.get()).as("nothing read while not current was kept").isEqualTo(3);
        assertThat(metrics.meter("portcullis.callerCache.bypassed").getCount()).isEqualTo(2);
    }

    @Test
    void aChangeToTheUserIsReadAgainOnTheNextRequest() {
        current();
        database.store(account, session);
        cache.caller(session.id(), account.id());

        Session revoked = session(session.expiresAt(), NOW.plusSeconds(1));
        database.store(account, revoked);
        cache.changed(account.id());

        assertThat(cache.caller(session.id(), account.id())).contains(new Caller(account, revoked));
        assertThat(database.callerReads.get()).isEqualTo(2);
    }

    @Test
    void aReadThatRacedAChangeIsNotRememberedOverIt() throws Exception {
        current();
        database.store(account, session);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changeApplied = new CountDownLatch(1);
        database.duringNextRead(() -> {
            reading.countDown();
            await(changeApplied);
        });
        // The read gets the row as it was; the change commits and is heard before the read stores it.
        Future<Optional<Caller>> racing = other.submit(() -> cache.caller(session.id(), account.id()));
        await(reading);
        Session revoked = session(session.expiresAt(), NOW.plusSeconds(1));
        database.store(account, revoked);
        cache.changed(account.id());
        changeApplied.countDown();
        assertThat(racing.get(5, TimeUnit.SECONDS)).contains(new Caller(account, session));

        assertThat(cache.caller(session.id(), account.id())).contains(new Caller(account, revoked));
    }

    @Test
    void forgettingEveryoneAlsoStopsAReadInFlightFromStoring() throws Exception {
        current();
        database.store(account, session);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        database.duringNextRead(() -> {
            reading.countDown();
            await(forgotten);
        });
        Future<Optional<Caller>> racing = other.submit(() -> cache.caller(session.id(), account.id()));
        await(reading);
        cache.forgetAll();
        forgotten.countDown();
        racing.get(5, TimeUnit.SECONDS);

        cache.caller(session.id(), account.id());
        assertThat(database.callerReads.get()).isEqualTo(2);
    }

    @Test
    void aRememberedSessionListDropsSessionsThatHaveSinceExpired() {
        current();
        Session shortLived = session(NOW.plusSeconds(60), null);
        database.live = List.of(session, shortLived);

        assertThat(cache.liveSessions(account.id(), NOW)).containsExactly(session, shortLived);
        assertThat(cache.liveSessions(account.id(), NOW.plusSeconds(61))).containsExactly(session);
        assertThat(database.listReads.get()).isEqualTo(1);

        cache.changed(account.id());
        cache.liveSessions(account.id(), NOW.plusSeconds(61));
        assertThat(database.listReads.get()).isEqualTo(2);
    }

    @Test
    void oneUserWithManySessionsHoldsAtMostItsShareAndReadsTheRestFromTheDatabase() {
        CallerCache small = new CallerCache(database, freshness, 1000, 10, metrics);
        current();
        List<Session> sessions = manySessions(account, 50);
        for (int round = 0; round < 2; round++) {
            sessions.forEach(s -> assertThat(small.caller(s.id(), account.id())).isPresent());
        }
        small.evictNow();

        assertThat(small.rememberedCallers()).isEqualTo(10);
        assertThat(database.callerReads.get()).as("10 read once, 40 read every time").isEqualTo(10 + 40 * 2);
    }

    @Test
    void theMemoryIsBoundedByCallersNotByUsers() {
        CallerCache small = new CallerCache(database, freshness, 20, 10, metrics);
        current();
        for (int user = 0; user < 5; user++) {
            Account other = new Account(UUID.randomUUID(), "user" + user + "@example.org", "$2a$12$hash", "Ada",
                    null, true, false, NOW, NOW, null, false);
            manySessions(other, 10).forEach(s -> small.caller(s.id(), other.id()));
        }
        small.evictNow();

        assertThat(small.rememberedCallers()).as("5 users of 10 callers each").isLessThanOrEqualTo(20);
    }

    private List<Session> manySessions(Account owner, int count) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Session one = new Session(UUID.randomUUID(), owner.id(), UUID.randomUUID(), "device " + i, "curl/8",
                    "192.0.2.1", NOW, NOW, NOW.plusSeconds(3600), null);
            database.store(owner, one);
            sessions.add(one);
        }
        return sessions;
    }

    private void current() {
        clock.addAndGet(1_000_000L);
        freshness.heartbeatReturned(freshness.now());
    }

    private Session session(Instant expiresAt, Instant revokedAt) {
        UUID id = session == null ? UUID.randomUUID() : session.id();
        return new Session(id, account.id(), UUID.randomUUID(), "laptop", "curl/8", "192.0.2.1", NOW, NOW,
                expiresAt, revokedAt);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows by session id; counts its reads, and can hold the next read between reading and returning. */
    private static final class FakeDatabase implements CallerReads {
        final Map<UUID, Caller> callers = new ConcurrentHashMap<>();
        final AtomicInteger callerReads = new AtomicInteger();
        final AtomicInteger listReads = new AtomicInteger();
        volatile List<Session> live = List.of();
        private volatile Runnable duringNextRead = () -> { };

        void store(Account account, Session session) {
            callers.put(session.id(), new Caller(account, session));
        }

        void duringNextRead(Runnable hold) {
            duringNextRead = hold;
        }

        @Override
        public Optional<Caller> caller(UUID sessionId, UUID userId) {
            callerReads.incrementAndGet();
            Optional<Caller> row = Optional.ofNullable(callers.get(sessionId));
            Runnable hold = duringNextRead;
            duringNextRead = () -> { };
            hold.run();
            return row;
        }

        @Override
        public List<Session> liveSessions(UUID userId, Instant now) {
            listReads.incrementAndGet();
            return live.stream().filter(s -> s.isLiveAt(now)).toList();
        }
    }
}
