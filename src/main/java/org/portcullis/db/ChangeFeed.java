package org.portcullis.db;

import io.dropwizard.lifecycle.Managed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The instance's ear on PostgreSQL: one connection of its own (not the request pool's) that LISTENs to the
 * changes the schema's triggers announce (the user id of every changed account or session) and makes the
 * {@link CallerCache} forget those users at once.
 *
 * <p>Every {@code heartbeat} it also notifies itself on a channel of its own and, when that notification
 * comes back, tells {@link Freshness} the time it was sent: PostgreSQL delivers notifications in commit
 * order, so every change committed before then has been heard. A heartbeat that does not come back (a
 * connection gone quiet) simply stops vouching for the cache within {@code maxStaleness}; a connection that
 * fails is reported at once, and the feed connects again every {@code reconnectDelay}, subscribes, forgets
 * everyone (what changed while it was away went unheard) and only then vouches again.
 *
 * <p>A returned heartbeat proves that the feed hears itself, not that writes announce themselves. So the
 * heartbeat is sent only while the change triggers of migrations.xml exist and would fire (each of the four
 * present and enabled ALWAYS, or enabled for origin while this database's sessions default to origin), read
 * from pg_trigger in the heartbeat's own statement ({@link Heartbeat}): a returned heartbeat then also says
 * the triggers were armed when it was sent. Missing or disabled triggers (a rolling deploy before {@code db migrate}, a
 * {@code DISABLE TRIGGER}) stop the memory from being served within one heartbeat, with one WARN per outage.
 * What no check can see: another client that sets {@code session_replication_role = replica} for its own
 * session skips triggers enabled for origin only (the migrations enable them ALWAYS, which it cannot skip),
 * and a change made between two heartbeats by someone who disables a trigger and enables it again. The
 * instance's own writes never depend on the triggers ({@link WriteMarks}).
 *
 * <p>LISTEN needs a session that stays on one backend. Through a transaction pooler (PgBouncer in
 * transaction mode) each statement may run on another backend: the subscription is left behind on one of
 * them and other clients' notifications arrive here. The feed therefore vouches only on a connection whose
 * backend, as the server reports it ({@code pg_backend_pid()}, asked with every heartbeat), is the one the
 * protocol named at connect time (a pooler hands out its own key); otherwise the cache stays off, with a
 * WARN, and the feed tries again every {@code reconnectDelay}.
 */
public final class ChangeFeed implements Managed {
    /** The channel the triggers of migrations.xml notify, with the changed user's id as the payload. */
    public static final String CHANNEL = "portcullis_changes";
    /** The application_name of the feed's connection, as pg_stat_activity shows it. */
    public static final String APPLICATION_NAME = "portcullis-change-feed";
    /** The payload of a TRUNCATE trigger: whose rows went is unknown, so every caller is forgotten. */
    public static final String EVERYONE = "*";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    /** Opens a new connection to the database for the feed alone. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final CallerCache cache;
    private final Freshness freshness;
    private final long heartbeatNanos;
    private final Duration reconnectDelay;
    private volatile boolean running;
    /** Whether a connection of the feed has failed (or found a pooler in between) at least once. */
    private volatile boolean failedOnce;
    private volatile Thread thread;
    /** Whether the feed is between a failure and its next subscription; read and written by the feed's thread. */
    private boolean failing;
    /** Whether the change triggers were found missing or disabled and not yet back; the feed's thread's. */
    private boolean unannounced;

    public ChangeFeed(Connector connector, CallerCache cache, Freshness freshness, Duration heartbeat,
                      Duration reconnectDelay) {
        this.connector = connector;
        this.cache = cache;
        this.freshness = freshness;
        this.heartbeatNanos = heartbeat.toNanos();
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "portcullis-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        Thread feed = thread;
        if (feed != null) {
            feed.interrupt();
            feed.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /**
     * Whether the feed has tried and failed at least once: the memory is then not served (every request reads the
     * database, which is always correct), so a starting instance need not wait for a feed that cannot come, as
     * behind PgBouncer in transaction mode, where waiting held each start for the whole startup timeout.
     */
    public boolean failedOnce() {
        return failedOnce;
    }

    private void run() {
        while (running) {
            try (Connection connection = connector.open()) {
                listen(connection);
            } catch (Heartbeat.NotOnItsOwnBackend e) {
                if (running && !failing) {
                    LOG.warn("Change feed off: {}; every request reads the database. The caller cache needs a"
                            + " direct connection to PostgreSQL", e.getMessage());
                }
                failing = true;
                failedOnce = true;
            } catch (SQLException | RuntimeException e) {
                if (running && !failing) {
                    LOG.warn("Change feed lost ({}); every request reads the database until it is back", e.toString());
                }
                failing = true;
                failedOnce = true;
            } finally {
                freshness.lost();
            }
            if (running) {
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Subscribes on {@code connection} and applies what it hears until stopped or the connection fails. */
    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Heartbeat heartbeat = Heartbeat.on(connection, postgres.getBackendPID())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                statement.execute("LISTEN " + heartbeat.channel());
            }
            // Changes committed before LISTEN took effect were never announced to us: forget them all.
            cache.forgetAll();
            LOG.info("Change feed listening (backend {})", postgres.getBackendPID());
            failing = false;
            while (running && !Thread.currentThread().isInterrupted()) {
                long sentAt = freshness.now();
                armed(heartbeat.sendIfArmed(sentAt));
                long next = sentAt + heartbeatNanos;
                do {
                    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - freshness.now()));
                    PGNotification[] heard = postgres.getNotifications((int) Math.min(waitMillis, Integer.MAX_VALUE));
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            apply(notification, heartbeat);
                        }
                    }
                } while (running && next - freshness.now() > 0);
            }
        }
    }

    /**
     * Whether the last heartbeat found the change triggers armed (and was sent). If not, the memory stops
     * being served at once (a heartbeat already on its way vouches for nothing after this, see
     * {@link Freshness#lost}) and is forgotten, with one WARN per outage.
     */
    private void armed(boolean armed) {
        if (!armed) {
            freshness.lost();
            if (!unannounced) {
                // Changes since the triggers went may have gone unheard; nothing is stored while not current.
                cache.forgetAll();
                LOG.warn("Change triggers of users/sessions missing or disabled (see migrations.xml); every"
                        + " request reads the database until they are back");
            }
        } else if (unannounced) {
            LOG.info("Change triggers of users/sessions are back; the caller cache serves again");
        }
        unannounced = !armed;
    }

    private void apply(PGNotification notification, Heartbeat heartbeat) {
        String payload = notification.getParameter();
        if (notification.getName().equals(heartbeat.channel())) {
            // Only our own backend sends on this channel; anything else vouches for nothing.
            heartbeat.sentAt(notification).ifPresent(freshness::heartbeatReturned);
            return;
        }
        if (!notification.getName().equals(CHANNEL)) {
            return;
        }
        if (EVERYONE.equals(payload)) {
            cache.forgetAll();
            return;
        }
        try {
            cache.changed(UUID.fromString(payload));
        } catch (IllegalArgumentException notAUserId) {
            // Not ours to parse (a hand-sent NOTIFY?): we cannot tell whom it concerns, so forget everyone.
            LOG.warn("Change feed heard an unexpected payload on {}; forgetting every cached caller", CHANNEL);
            cache.forgetAll();
        }
    }
}
