package org.portcullis;

import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;
import org.portcullis.config.CallerCacheSettings;
import org.portcullis.config.DatabaseSettings;
import org.portcullis.db.CallerCache;
import org.portcullis.db.ChangeFeed;
import org.portcullis.db.Freshness;
import org.portcullis.db.Storage;
import org.portcullis.health.StartupCheck;

import java.sql.DriverManager;
import java.util.Properties;

/**
 * The storage of an instance: on PostgreSQL with {@code callerCache.enabled}, authenticated reads remembered
 * by a {@link CallerCache} that a {@link ChangeFeed} keeps current; otherwise (H2, or the cache off) every
 * read from the database.
 */
final class CallerCaching {
    private CallerCaching() {
    }

    /** @param startup gets the feed as a condition of the instance's start: vouched for once, or failed once */
    static Storage storage(PortcullisConfiguration config, Jdbi jdbi, Environment environment, StartupCheck startup) {
        Storage direct = Storage.over(jdbi);
        CallerCacheSettings settings = config.getCallerCache();
        DatabaseSettings database = config.getDatabase();
        if (!settings.isEnabled() || !database.isPostgres()) {
            return direct;
        }
        Freshness freshness = new Freshness(settings.getMaxStaleness().toJavaDuration(), System::nanoTime);
        CallerCache cache = new CallerCache(direct.reads(), freshness, settings.getMaximumCallers(),
                settings.getMaximumCallersPerUser(), environment.metrics());
        ChangeFeed feed = new ChangeFeed(() -> DriverManager.getConnection(database.getUrl(),
                feedProperties(database)), cache, freshness, settings.getHeartbeat().toJavaDuration(),
                settings.getReconnectDelay().toJavaDuration());
        // Ready once the feed has vouched for the memory, or has failed once and so leaves every read to the
        // database (behind a transaction pooler it never vouches; waiting for it held each start 60 s).
        startup.require("caller-cache feed", () -> freshness.isCurrent() || feed.failedOnce());
        environment.lifecycle().manage(feed);
        return direct.remembering(jdbi, cache, freshness);
    }

    /** The pool's connection properties and credentials, named so that operators can tell the feed apart. */
    private static Properties feedProperties(DatabaseSettings database) {
        Properties properties = database.connectionProperties();
        properties.setProperty("ApplicationName", ChangeFeed.APPLICATION_NAME);
        // A peer that vanished without a FIN is noticed, and the feed reconnects, instead of waiting forever.
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketTimeout", "10");
        return properties;
    }
}
