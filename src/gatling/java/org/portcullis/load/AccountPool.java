package org.portcullis.load;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Accounts registered and logged in before the measured phase (in a simulation's {@code before()}), handed
 * to virtual users by a feeder. Registration and login cost a bcrypt each at production cost; doing them
 * here keeps that cost out of the figures of the endpoints under test.
 *
 * <p>Feeders are created when the simulation is built, before the accounts exist, so they read the pool
 * lazily, when a virtual user starts.
 */
final class AccountPool {
    /** At least 12 characters, well under bcrypt's 72 bytes. */
    static final String PASSWORD = "load-test-password-42";

    private final String label;
    private final int size;
    private volatile List<Account> accounts = List.of();

    AccountPool(String label, int size) {
        this.label = label;
        this.size = size;
    }

    /**
     * Registers and logs in {@code size} fresh accounts, {@code parallelism} at a time (the service's bcrypt
     * threads: more would only queue in its bulkhead). Emails carry a random run id, so a database reused
     * across runs never answers 409.
     */
    AccountPool create(SetupClient client, int parallelism) {
        long started = System.nanoTime();
        String run = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Account>> pending = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String email = "load-" + label + "-" + run + "-" + i + "@example.org";
                pending.add(pool.submit(() -> client.registerAndLogIn(email, PASSWORD)));
            }
            List<Account> created = new ArrayList<>();
            for (Future<Account> account : pending) {
                created.add(account.get());
            }
            accounts = List.copyOf(created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("setup interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("setup of the " + label + " accounts failed: " + e.getCause().getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("setup: %d %s accounts registered and logged in in %.1f s%n", size, label,
                (System.nanoTime() - started) / 1e9);
        return this;
    }

    /** The access tokens of the accounts, for warm-up requests. */
    List<String> accessTokens() {
        return accounts.stream().map(Account::accessToken).toList();
    }

    /** The first {@code count} accounts. */
    List<Account> first(int count) {
        return accounts.subList(0, Math.min(count, accounts.size()));
    }

    /** Each account once, in order: one per virtual user, so each keeps its own session and tokens. */
    Iterator<Map<String, Object>> eachOnce() {
        return records(index -> {
            if (index >= accounts.size()) {
                throw new NoSuchElementException("only " + accounts.size() + " " + label + " accounts were set up");
            }
            return accounts.get(index);
        });
    }

    /** The accounts round and round: for many short-lived virtual users that each log in once. */
    Iterator<Map<String, Object>> circular() {
        return records(index -> accounts.get(index % accounts.size()));
    }

    private static Iterator<Map<String, Object>> records(Function<Integer, Account> byIndex) {
        AtomicInteger next = new AtomicInteger();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return byIndex.apply(next.getAndIncrement()).asFeederRecord();
            }
        };
    }
}
