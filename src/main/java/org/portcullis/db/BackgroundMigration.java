package org.portcullis.db;

import io.dropwizard.lifecycle.Managed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Migrates the schema on a thread of its own while the rest of the application is wired and Jersey and
 * Jetty are set up, and holds the server's start until it has finished: Liquibase is the longest single
 * step of a start (about 1.5 s of ~4 s here, most of it its own set-up), and on two cores it need not wait
 * for the rest. Managed objects start before the server opens its ports, so no request ever meets a schema
 * half migrated; registered right after the request pool, it also starts before every managed object that
 * reads a table. A failed migration fails the start, as it did when it ran inline.
 */
public final class BackgroundMigration implements Managed {
    private final CompletableFuture<Void> migration;

    public BackgroundMigration(Runnable migrate) {
        migration = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                migrate.run();
                migration.complete(null);
            } catch (Throwable failure) {
                migration.completeExceptionally(failure);
            }
        }, "schema-migration");
        thread.start();
    }

    /** Waits for the migration; rethrows its failure, which stops the start. */
    @Override
    public void start() throws Exception {
        try {
            migration.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }
}
