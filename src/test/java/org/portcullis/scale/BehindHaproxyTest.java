package org.portcullis.scale;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.HaproxyAvailable;
import org.portcullis.support.LocalCluster;
import org.portcullis.support.PostgresAvailable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make cluster} as operators run it, in short: two instances on PostgreSQL behind HAProxy
 * (deploy/haproxy.cfg), one of them restarted as a deploy does it (SIGTERM: it fails its health path, HAProxy
 * takes it out, it drains and exits; started again, it is taken back once ready) while clients keep reading
 * and logging in through HAProxy. Not one of their requests may fail. The long version with figures is
 * {@code make loadtest SCENARIO=rolling-restart}.
 */
@ExtendWith({PostgresAvailable.class, HaproxyAvailable.class})
class BehindHaproxyTest {
    private static final int READERS = 3;
    /** Requests answered before the restart begins and after it ended: the restart happens under load. */
    private static final int ANSWERED_AROUND_THE_RESTART = 100;

    @RegisterExtension
    @Order(1)
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @Test
    void aRestartOfOneInstanceUnderASteadyLoopLosesNoRequestAndStopLeavesNoProcess(@TempDir Path directory)
            throws Exception {
        LocalCluster cluster = new LocalCluster(directory, DB.url(), 2);
        cluster.start();
        List<Long> pids = cluster.recordedPids();
        ExecutorService clients = Executors.newFixedThreadPool(READERS + 1);
        ConcurrentMap<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        try {
            Api api = new Api(cluster.balancerPort());
            String access = api.newAccessToken();
            // Logins of an account of their own: the 51st login of the readers' account would end their session.
            String email = api.newAccount();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicReference<CountDownLatch> milestone = new AtomicReference<>(new CountDownLatch(ANSWERED_AROUND_THE_RESTART));
            CountDownLatch beforeRestart = milestone.get();
            Runnable reader = () -> loop(running, answers, milestone, () -> api.get("/api/v1/users/me", access).status());
            for (int i = 0; i < READERS; i++) {
                clients.submit(reader);
            }
            Future<?> logins = clients.submit(() -> loop(running, answers, milestone,
                    () -> api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).status()));
            assertThat(beforeRestart.await(60, TimeUnit.SECONDS)).as("requests answered before the restart").isTrue();

            String restart = cluster.restart(1);

            CountDownLatch afterRestart = new CountDownLatch(ANSWERED_AROUND_THE_RESTART);
            milestone.set(afterRestart);
            assertThat(afterRestart.await(60, TimeUnit.SECONDS)).as("requests answered after the restart").isTrue();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            logins.get();

            assertThat(restart).contains("instance-1 SIGTERM: out of rotation after");
            assertThat(answers.keySet()).as("answers by status: %s", answers).containsOnly("200");
        } finally {
            clients.shutdownNow();
            cluster.stop();
        }
        assertThat(cluster.recordedPids()).isEmpty();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d", pid).isFalse();
        }
    }

    /** Sends {@code request} until stopped, counting answers by status (or by the exception) and toward the milestone. */
    private static void loop(AtomicBoolean running, ConcurrentMap<String, AtomicInteger> answers,
                             AtomicReference<CountDownLatch> milestone, IntSupplier request) {
        while (running.get()) {
            String outcome;
            try {
                outcome = String.valueOf(request.getAsInt());
            } catch (RuntimeException e) {
                outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            answers.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
            milestone.get().countDown();
        }
    }
}
