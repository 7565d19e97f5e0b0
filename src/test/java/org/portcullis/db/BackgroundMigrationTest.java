package org.portcullis.db;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundMigrationTest {

    @Test
    void theMigrationRunsOnItsOwnThreadAsSoonAsItIsCreated() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        new BackgroundMigration(() -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("schema-migration");
    }

    @Test
    void startReturnsOnlyOnceTheMigrationHasFinished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundMigration migration = new BackgroundMigration(() -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
            try {
                migration.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(start).isNotDone();
        release.countDown();
        start.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailedMigrationFailsTheStartWithItsOwnError() {
        BackgroundMigration migration = new BackgroundMigration(() -> {
            throw new IllegalStateException("database migration failed: no such table");
        });

        assertThatThrownBy(migration::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("database migration failed: no such table");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
