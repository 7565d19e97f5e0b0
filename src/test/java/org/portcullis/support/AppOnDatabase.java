package org.portcullis.support;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisApplication;
import org.portcullis.PortcullisConfiguration;

import java.util.Map;

/**
 * A contract suite's app and its own database. A suite extends this once; each database it runs on is a
 * subclass with a one-line constructor. The database is created before the app starts and dropped after it
 * stops (extension order 1, then 2; one instance per class, so the app starts once per class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AppOnDatabase {
    @RegisterExtension
    @Order(1)
    final DatabaseExtension db;

    @RegisterExtension
    @Order(2)
    final DropwizardAppExtension<PortcullisConfiguration> app;

    /** @param settings config.yml overrides on top of {@link TestApps#functional}'s */
    protected AppOnDatabase(DatabaseExtension db, Map<String, String> settings) {
        this(db, PortcullisApplication.class, settings);
    }

    /** @param application the application class to start, e.g. {@link ClockedApplication} */
    protected AppOnDatabase(DatabaseExtension db, Class<? extends PortcullisApplication> application,
                            Map<String, String> settings) {
        this.db = db;
        this.app = TestApps.functional(application, db::url, settings);
    }

    protected DropwizardAppExtension<PortcullisConfiguration> app() {
        return app;
    }

    protected TestDatabase database() {
        return db.database();
    }
}
