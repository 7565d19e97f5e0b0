package org.portcullis.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether what the instance remembers of the database may be served: the rule the {@link CallerCache}
 * asks before every hit, fed by the {@link ChangeFeed} and by this instance's own writes.
 *
 * <p>PostgreSQL delivers notifications in commit order. So when the feed's heartbeat, a notification the
 * listener sent itself at time t, comes back, every change committed before t has been delivered and
 * applied: the memory is current "through t". It may be served while
 * <ul>
 *   <li>t is at most {@code maxStaleness} old: a change by another instance is then enforced at most that
 *       long after its commit, and a listener that went quiet (a lost connection, a stalled network) stops
 *       vouching for the memory within that time without anyone having to notice the loss;</li>
 *   <li>t is later than this instance's last write: a change made here (a logout, a revocation) is enforced
 *       on the very next request, not up to a heartbeat later; the reads in between go to the database.</li>
 * </ul>
 * A listener that knows it is broken says so ({@link #lost()}) and the memory is not served from that
 * moment until a heartbeat of the re-subscribed listener comes back.
 *
 * <p>Times are {@link System#nanoTime()} ticks (or a test's clock), compared by difference as that requires.
 */
public final class Freshness {
    private final long maxStalenessNanos;
    private final LongSupplier clock;
    private final AtomicLong lastWrite;
    /** The send time of the newest heartbeat that came back; meaningful only while {@link #listening}. */
    private volatile long currentThrough;
    private volatile boolean listening;
    /** When the listener last said it was lost; heartbeats sent before then do not count. */
    private volatile long lostAt;

    public Freshness(Duration maxStaleness, LongSupplier clock) {
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.clock = clock;
        this.lastWrite = new AtomicLong(clock.getAsLong());
        this.lostAt = lastWrite.get() - 1;
    }

    /** The clock the heartbeats' send times are read from. */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * A heartbeat sent at {@code sentAt} came back: every change committed before then has been applied. One
     * sent before the last {@link #lost()} vouches for nothing.
     */
    public void heartbeatReturned(long sentAt) {
        if (sentAt - lostAt <= 0) {
            return;
        }
        currentThrough = sentAt;
        listening = true;
    }

    /**
     * The listener knows it is not hearing changes (its connection failed, it is re-subscribing, the change
     * triggers are gone): nothing is served until a heartbeat sent after this moment comes back.
     */
    public void lost() {
        listening = false;
        lostAt = clock.getAsLong();
    }

    /**
     * A write of this instance has committed (or an autocommit statement has run). Called after the commit,
     * so that a heartbeat sent later is also delivered after the write's own notification.
     */
    public void writeCommitted() {
        long now = clock.getAsLong();
        // Max, not set: of two writers, the one that read the clock earlier may store last.
        lastWrite.accumulateAndGet(now, (previous, next) -> next - previous > 0 ? next : previous);
    }

    /** Whether the memory may be served now. */
    public boolean isCurrent() {
        if (!listening) {
            return false;
        }
        long through = currentThrough;
        return through - lastWrite.get() > 0 && clock.getAsLong() - through <= maxStalenessNanos;
    }
}
