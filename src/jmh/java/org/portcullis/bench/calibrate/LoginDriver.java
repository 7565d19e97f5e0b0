package org.portcullis.bench.calibrate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Logins in a closed loop, one client per bcrypt thread, each sending its next login when the last one is
 * answered: the pool is kept full without a queue forming, so what is measured is a login at this node's
 * capacity, not the wait of an overload (the bulkhead bounds that by {@code maxWait} on top). A warm-up phase
 * first, unmeasured: the JIT compiles bcrypt and the request path within the first logins.
 */
final class LoginDriver {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI login;

    LoginDriver(URI base) {
        this.login = base.resolve("/api/v1/auth/login");
    }

    /** What the clients saw during the measured phase: each 200's duration in ns, the rest counted. */
    record Phase(List<Long> durations, int errors, long elapsedNanos) {
    }

    /** @param bodies one login body per client; their number is the concurrency */
    Phase run(List<String> bodies, Duration warmup, Duration measured) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Long> durations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(bodies.size());
        for (String body : bodies) {
            Thread client = new Thread(() -> {
                try {
                    loop(body, measureFrom, end, durations, errors);
                } finally {
                    done.countDown();
                }
            }, "calibration-client");
            client.setDaemon(true);
            client.start();
        }
        done.await();
        // A login started before the end is let finish and counted: the phase lasts until the last answer.
        return new Phase(List.copyOf(durations), errors.get(), System.nanoTime() - measureFrom);
    }

    private void loop(String body, long measureFrom, long end, List<Long> durations, AtomicInteger errors) {
        HttpRequest request = HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long took = System.nanoTime() - sent;
            if (sent < measureFrom) {
                continue;
            }
            if (status == 200) {
                durations.add(took);
            } else {
                errors.incrementAndGet();
            }
        }
    }
}
