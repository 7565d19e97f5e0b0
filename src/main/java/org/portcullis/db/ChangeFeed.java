package org.portcullis.db;

import io.dropwizard.lifecycle.Managed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 */
public final class ChangeFeed implements Managed {
    /** The channel the triggers of migrations.xml notify, with the changed user's id as the payload. */
    public static final String CHANNEL = "portcullis_changes";
    /** The application_name of the feed's connection, as pg_stat_activity shows it. */
    public static final String APPLICATION_NAME = "portcullis-change-feed";
    private static final String HEARTBEATS = "portcullis_heartbeat_";
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
    private volatile Thread thread;
    /** Whether the feed is between a failure and its next subscription; read and written by the feed's thread. */
    private boolean failing;

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

    private void run() {
        while (running) {
            try (Connection connection = connector.open()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running && !failing) {
                    LOG.warn("Change feed lost ({}); every request reads the database until it is back", e.toString());
                }
                failing = true;
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
        String heartbeats = HEARTBEATS + postgres.getBackendPID();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("LISTEN " + heartbeats);
        }
        // Changes committed before LISTEN took effect were never announced to us: forget them all.
        cache.forgetAll();
        LOG.info("Change feed listening (backend {})", postgres.getBackendPID());
        failing = false;
        try (PreparedStatement heartbeat = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            heartbeat.setString(1, heartbeats);
            while (running && !Thread.currentThread().isInterrupted()) {
                long sentAt = freshness.now();
                heartbeat.setString(2, Long.toString(sentAt));
                heartbeat.execute();
                long next = sentAt + heartbeatNanos;
                do {
                    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - freshness.now()));
                    PGNotification[] heard = postgres.getNotifications((int) Math.min(waitMillis, Integer.MAX_VALUE));
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            apply(notification, heartbeats);
                        }
                    }
                } while (running && next - freshness.now() > 0);
            }
        }
    }

    private void apply(PGNotification notification, String heartbeats) {
        if (notification.getName().equals(heartbeats)) {
            freshness.heartbeatReturned(Long.parseLong(notification.getParameter()));
            return;
        }
        try {
            cache.changed(UUID.fromString(notification.getParameter()));
        } catch (IllegalArgumentException notAUserId) {
            // Not ours to parse (a hand-sent NOTIFY?): we cannot tell whom it concerns, so forget everyone.
            LOG.warn("Change feed heard an unexpected payload on {}; forgetting every cached caller", CHANNEL);
            cache.forgetAll();
        }
    }
}
