package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.portcullis.support.TestDatabase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Lockouts} on a real database: the claim that fills the count locks in the same statement, locks
 * double up to the maximum, and every time is the database's. Three failures, then 60 s doubling to 300 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LockoutsContract {
    private static final Lockouts.Schedule SCHEDULE =
            new Lockouts.Schedule(3, Duration.ofSeconds(60), Duration.ofSeconds(300));

    private final Supplier<TestDatabase> create;
    private TestDatabase database;
    private Jdbi jdbi;
    private Lockouts accounts;
    private UUID account;

    protected LockoutsContract(Supplier<TestDatabase> create) {
        this.create = create;
    }

    @BeforeAll
    void schema() {
        database = create.get();
        jdbi = Jdbi.create(database.url());
        SchemaMigrator.migrate(jdbi);
        accounts = new Lockouts(jdbi, Lockouts.Kind.ACCOUNTS);
    }

    @AfterAll
    void drop() {
        database.close();
    }

    @BeforeEach
    void newAccount() {
        account = UUID.randomUUID();
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO users (id, email, password_hash, first_name,"
                        + " created_at, updated_at) VALUES (:id, :email, 'x', 'Ann', :now, :now)")
                .bind("id", account).bind("email", account + "@example.org")
                .bind("now", OffsetDateTime.now()).execute());
    }

    @Test
    void theClaimThatFillsTheCountLocksTheAccountAndIsStillGranted() {
        assertThat(accounts.claim(account, SCHEDULE)).isTrue();
        assertThat(accounts.claim(account, SCHEDULE)).isTrue();
        assertThat(accounts.lockedFor(account)).isEmpty();

        assertThat(accounts.claim(account, SCHEDULE)).as("the third attempt reaches bcrypt").isTrue();

        assertThat(accounts.lockedFor(account)).get().satisfies(left -> assertThat(left).isBetween(
                Duration.ofSeconds(55), Duration.ofSeconds(60)));
        assertThat(accounts.claim(account, SCHEDULE)).as("a fourth waits for the lock").isFalse();
    }

    @Test
    void locksStartAtTheFirstLockAndDoubleUpToTheMaximum() {
        long[] expectedSeconds = {60, 120, 240, 300, 300};
        for (long seconds : expectedSeconds) {
            for (int i = 0; i < SCHEDULE.maxFailures(); i++) {
                assertThat(accounts.claim(account, SCHEDULE)).isTrue();
            }
            assertThat(accounts.lockedFor(account)).get().satisfies(left -> assertThat(left).isBetween(
                    Duration.ofSeconds(seconds - 5), Duration.ofSeconds(seconds)));
            endTheLock();
        }
    }

    @Test
    void theFirstClaimAfterALockHasEndedCountsFromOne() {
        for (int i = 0; i < SCHEDULE.maxFailures(); i++) {
            accounts.claim(account, SCHEDULE);
        }
        endTheLock();

        assertThat(accounts.claim(account, SCHEDULE)).isTrue();
        assertThat(accounts.claim(account, SCHEDULE)).isTrue();
        assertThat(accounts.lockedFor(account)).as("two of three after the lock").isEmpty();
    }

    @Test
    void givingBackTheClaimThatLockedLiftsTheLock() {
        for (int i = 0; i < SCHEDULE.maxFailures(); i++) {
            accounts.claim(account, SCHEDULE);
        }

        accounts.release(account);

        assertThat(accounts.lockedFor(account)).isEmpty();
        assertThat(accounts.claim(account, SCHEDULE)).as("the attempt given back may be made again").isTrue();
        assertThat(accounts.lockedFor(account)).get().satisfies(left -> assertThat(left)
                .as("still the first lock: the lifted one is not counted").isLessThanOrEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void clearingForgetsFailuresAndLocks() {
        for (int i = 0; i < SCHEDULE.maxFailures(); i++) {
            accounts.claim(account, SCHEDULE);
        }

        assertThat(accounts.clear(account)).isEqualTo(1);

        assertThat(accounts.lockedFor(account)).isEmpty();
        assertThat(accounts.clear(account)).as("nothing left to clear").isZero();
    }

    /** The lock's time passes: it ended a second ago by the database's clock. */
    private void endTheLock() {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE users"
                + " SET locked_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE id = :id").bind("id", account).execute());
    }
}
