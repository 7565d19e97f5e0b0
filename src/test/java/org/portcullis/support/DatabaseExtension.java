package org.portcullis.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own database. Declare it before the app extension: it then creates the database
 * before the app starts and drops it after the app has stopped.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean postgres;
    private TestDatabase database;

    private DatabaseExtension(boolean postgres) {
        this.postgres = postgres;
    }

    public static DatabaseExtension h2() {
        return new DatabaseExtension(false);
    }

    public static DatabaseExtension postgres() {
        return new DatabaseExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = postgres ? TestDatabase.postgres() : TestDatabase.h2();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }

    public String url() {
        return database.url();
    }

    public TestDatabase database() {
        return database;
    }
}
