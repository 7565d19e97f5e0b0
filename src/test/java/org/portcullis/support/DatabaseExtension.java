package org.portcullis.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Gives a test class its own database. Declare it before the app extension: it then creates the database
 * before the app starts and drops it after the app has stopped.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<TestDatabase> create;
    private TestDatabase database;

    private DatabaseExtension(Supplier<TestDatabase> create) {
        this.create = create;
    }

    public static DatabaseExtension h2() {
        return new DatabaseExtension(TestDatabase::h2);
    }

    public static DatabaseExtension h2InTempDir() {
        return new DatabaseExtension(TestDatabase::h2InTempDir);
    }

    public static DatabaseExtension postgres() {
        return new DatabaseExtension(TestDatabase::postgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = create.get();
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
