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
 * <p>Time-dependent checks (expired sessions, locked accounts) stay with the callers of this class: a
 * remembered session is the row as stored, and its expiry is judged against the clock on every request.
 */
public final class CallerCache implements CallerReads {
    /** What is remembered of one user; either part may be missing. */
    private record Known(Map<UUID, Caller> callers, List<Session> liveSessions) {
        static final Known NOTHING = new Known(Map.of(), null);

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
    private final AtomicLong changes = new AtomicLong();
    private final ReadWriteLock forgettingAll = new ReentrantReadWriteLock();
    private final Meter hits;
    private final Meter misses;
    private final Meter bypassed;

    public CallerCache(CallerReads database, Freshness freshness, long maximumUsers, MetricRegistry metrics) {
        this.database = database;
        this.freshness = freshness;
        this.users = Caffeine.newBuilder().maximumSize(maximumUsers).build();
        this.hits = metrics.meter("portcullis.callerCache.hits");
        this.misses = metrics.meter("portcullis.callerCache.misses");
        this.bypassed = metrics.meter("portcullis.callerCache.bypassed");
        metrics.gauge("portcullis.callerCache.current", () -> () -> freshness.isCurrent() ? 1 : 0);
        metrics.gauge("portcullis.callerCache.users", () -> users::estimatedSize);
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
        read.ifPresent(caller -> remember(userId, before, k -> k.withCaller(caller)));
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
        remember(userId, before, k -> k.withLiveSessions(read));
        return read;
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
