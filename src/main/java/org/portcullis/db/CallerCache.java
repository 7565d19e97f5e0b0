package org.portcullis.db;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.portcullis.domain.Caller;
import org.portcullis.domain.Session;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/**
 * {@link CallerReads} from memory, per user: the callers of the user's sessions seen so far and the user's
 * live-session list, read from the database on the first request and served from memory after that, for
 * as long as {@link Freshness} says nothing can have changed unseen. The {@link ChangeFeed} forgets a user
 * as soon as PostgreSQL reports a change to the account or any of its sessions.
 *
 * <p>A read that raced a change must not put a stale row back after the change was forgotten: each read
 * notes the count of changes before it asks the database, and stores its row only if no change was applied
 * meanwhile. The count and the store are checked under the user's entry lock (the map's compute), the same
 * lock a change takes to forget the user, so "checked, then forgotten, then stored" cannot happen.
 * Forgetting everyone cannot take every entry's lock at once; it excludes stores with a lock of its own.
 *
 * <p>The memory is bounded by what it holds, not by how many users: each user weighs the callers and
 * listed sessions remembered of it ({@code maximumCallers} in all), and one user never more than
 * {@code maximumCallersPerUser}, so an account with thousands of sessions cannot grow one entry without
 * bound (each store copies the entry). Past that cap, its further sessions are read from the database.
 *
 * <p>Time-dependent checks (expired sessions, locked accounts) stay with the callers of this class: a
 * remembered session is the row as stored, and its expiry is judged against the clock on every request.
 */
public final class CallerCache implements CallerReads {
    /** What is remembered of one user; either part may be missing. */
    private record Known(Map<UUID, Caller> callers, List<Session> liveSessions) {
        static final Known NOTHING = new Known(Map.of(), null);

        /** The remembered session rows: the cache's unit of size. An empty entry still costs its key. */
        int weight() {
            return Math.max(1, rows());
        }

        int rows() {
            return callers.size() + (liveSessions == null ? 0 : liveSessions.size());
        }

        Known withCaller(Caller caller) {
            Map<UUID, Caller> more = new HashMap<>(callers);
            more.put(caller.session().id(), caller);
            return new Known(Collections.unmodifiableMap(more), liveSessions);
        }

        Known withLiveSessions(List<Session> sessions) {
            return new Known(callers, List.copyOf(sessions));
        }
    }

    private final CallerReads database;
    private final Freshness freshness;
    private final Cache<UUID, Known> users;
    private final int maximumCallersPerUser;
    private final AtomicLong changes = new AtomicLong();
    private final ReadWriteLock forgettingAll = new ReentrantReadWriteLock();
    private final Meter hits;
    private final Meter misses;
    private final Meter bypassed;

    /**
     * @param maximumCallers        the remembered callers and listed sessions of all users together
     * @param maximumCallersPerUser the most one user's entry holds (callers, and sessions listed)
     */
    public CallerCache(CallerReads database, Freshness freshness, long maximumCallers, int maximumCallersPerUser,
                       MetricRegistry metrics) {
        this.database = database;
        this.freshness = freshness;
        this.maximumCallersPerUser = maximumCallersPerUser;
        this.users = Caffeine.newBuilder().maximumWeight(maximumCallers)
                .weigher((UUID id, Known known) -> known.weight()).build();
        this.hits = metrics.meter("portcullis.callerCache.hits");
        this.misses = metrics.meter("portcullis.callerCache.misses");
        this.bypassed = metrics.meter("portcullis.callerCache.bypassed");
        metrics.gauge("portcullis.callerCache.current", () -> () -> freshness.isCurrent() ? 1 : 0);
        metrics.gauge("portcullis.callerCache.users", () -> users::estimatedSize);
        metrics.gauge("portcullis.callerCache.callers", () -> this::rememberedCallers);
    }

    @Override
    public Optional<Caller> caller(UUID sessionId, UUID userId) {
        if (!freshness.isCurrent()) {
            bypassed.mark();
            return database.caller(sessionId, userId);
        }
        Known known = users.getIfPresent(userId);
        Caller remembered = known == null ? null : known.callers().get(sessionId);
        if (remembered != null) {
            hits.mark();
            return Optional.of(remembered);
        }
        misses.mark();
        long before = changes.get();
        Optional<Caller> read = database.caller(sessionId, userId);
        read.ifPresent(caller -> remember(userId, before,
                k -> k.rows() < maximumCallersPerUser ? k.withCaller(caller) : k));
        return read;
    }

    @Override
    public List<Session> liveSessions(UUID userId, Instant now) {
        if (!freshness.isCurrent()) {
            bypassed.mark();
            return database.liveSessions(userId, now);
        }
        Known known = users.getIfPresent(userId);
        if (known != null && known.liveSessions() != null) {
            hits.mark();
            return known.liveSessions().stream().filter(session -> session.isLiveAt(now)).toList();
        }
        misses.mark();
        long before = changes.get();
        List<Session> read = database.liveSessions(userId, now);
        remember(userId, before, k -> k.callers().size() + read.size() <= maximumCallersPerUser ? k.withLiveSessions(read) : k);
        return read;
    }

    /** The weight of everything remembered: callers and listed sessions, as of the last {@link #evictNow}. */
    long rememberedCallers() {
        return users.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** Runs the memory's pending evictions now (they otherwise run soon after, on another thread). */
    void evictNow() {
        users.cleanUp();
    }

    /** The user's account or one of its sessions changed: forget the user. */
    public void changed(UUID userId) {
        users.asMap().compute(userId, (id, known) -> {
            changes.incrementAndGet();
            return null;
        });
    }

    /** Changes may have gone unheard (the listener was away): forget everyone. */
    public void forgetAll() {
        forgettingAll.writeLock().lock();
        try {
            changes.incrementAndGet();
            users.invalidateAll();
        } finally {
            forgettingAll.writeLock().unlock();
        }
    }

    private void remember(UUID userId, long changesBefore, UnaryOperator<Known> add) {
        forgettingAll.readLock().lock();
        try {
            users.asMap().compute(userId, (id, known) -> changes.get() != changesBefore ? known
                    : add.apply(known == null ? Known.NOTHING : known));
        } finally {
            forgettingAll.readLock().unlock();
        }
    }
}
