package org.portcullis.bench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.portcullis.bench.compare.BenchmarkUnit;
import org.portcullis.guard.RequestWork;
import org.portcullis.support.TestApps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Latency workload driven from outside its services ({@link Placement#ALTERNATING}): every side's service
 * runs at once, and one client sends each request to every side in turn, in an order drawn afresh for each
 * request. A stretch in which the host runs slow then falls on every side of the pair alike, request by request,
 * where forks run one after the other meet it on one side only (BENCHMARKS.md, "Alternating requests").
 *
 * <p>Each endpoint is warmed up and measured as the in-process latency tests do it (EndpointLatencyTest, the
 * same warm-up and measured counts), and a side's sample is its median request as the client saw it: from
 * sending the request to reading the last byte of the answer, over a kept-alive loopback connection. That is
 * the server's time plus Jetty's reading and writing plus the client's, the last the same on every side.
 *
 * <p>After an endpoint's measured requests, a few more per side ({@value #COUNTED}, {@value #HASHES_COUNTED} of
 * those that hash a password), still alternating, are each followed by a read of the service's own work counters
 * on its admin port ({@link RequestWork}), and the median request's SQL statements and allocated bytes are the
 * side's counted work: exact counts, as the in-process tests report them, read outside the timed requests so the
 * reading costs none of their time.
 */
final class AlternatingLatency {
    /** Requests per side whose work is counted, one admin read after each; odd, for a true median. */
    static final int COUNTED = 9;
    /** The same for login and register, whose every request is a bcrypt hash (a third of a second). */
    static final int HASHES_COUNTED = 3;
    private static final String PASSWORD = "correct horse battery";
    /** The server counts a request just after it has written the answer; this bounds the wait for the count. */
    private static final long COUNTING_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The gate's JVM runs without a logging configuration, and Logback's default logs DEBUG: the client would
        // write every byte it sends and receives to the console, inside the times it measures.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hc"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /**
     * An endpoint of the mix, with EndpointLatencyTest's counts: warm-up requests (the JIT compiles the path
     * first), then measured ones, then those whose work is counted, per side.
     */
    record Endpoint(String name, int warmup, int measured, int counted, Request request) {
        Endpoint(String name, int warmup, int measured, Request request) {
            this(name, warmup, measured, COUNTED, request);
        }
    }

    /** Builds the endpoint's i-th request for one side and checks its answer, which it may learn from. */
    interface Request {
        ClassicHttpRequest build(Side side, int i);

        /** The status of a successful answer. */
        default int status() {
            return 200;
        }

        default void answered(Side side, String body) throws IOException {
        }
    }

    static final List<Endpoint> MIX = List.of(
            new Endpoint("refresh", 200, 50, new Request() {
                @Override
                public ClassicHttpRequest build(Side side, int i) {
                    return side.json(ClassicRequestBuilder.post(side.api("/api/v1/auth/refresh")),
                            Map.of("refresh_token", side.refreshToken));
                }

                @Override
                public void answered(Side side, String body) throws IOException {
                    side.refreshToken = JSON.readTree(body).path("refresh_token").asText();
                }
            }),
            new Endpoint("usersMe", 1000, 300, (side, i) -> side.bearer(ClassicRequestBuilder.get(side.api("/api/v1/users/me"))).build()),
            new Endpoint("sessionsList", 600, 200, (side, i) -> side.bearer(ClassicRequestBuilder.get(side.api("/api/v1/sessions/me"))).build()),
            new Endpoint("updateMe", 300, 100, (side, i) -> side.json(side.bearer(ClassicRequestBuilder.patch(side.api("/api/v1/users/me"))),
                    Map.of("first_name", "Name " + i))),
            new Endpoint("introspect", 1000, 300, new Request() {
                @Override
                public ClassicHttpRequest build(Side side, int i) {
                    return ClassicRequestBuilder.post(side.api("/oauth2/introspect"))
                            .addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (TestApps.INTROSPECTION_CLIENT + ":" + TestApps.INTROSPECTION_SECRET)
                                            .getBytes(StandardCharsets.UTF_8)))
                            .setEntity(new StringEntity("token=" + side.accessToken,
                                    ContentType.APPLICATION_FORM_URLENCODED)).build();
                }

                @Override
                public void answered(Side side, String body) throws IOException {
                    if (!body.startsWith("{\"active\":true")) {
                        throw new IOException("introspection of a live token answered " + body);
                    }
                }
            }),
            new Endpoint("health", 1000, 300, (side, i) -> ClassicRequestBuilder.get(side.api("/health")).build()),
            new Endpoint("openapi", 500, 200, (side, i) -> ClassicRequestBuilder.get(side.api("/api/v1/openapi.json")).build()),
            // Their time is the hash, which needs no warmed-up JVM: one request to load the classes, three measured.
            // Last, so that the sessions these logins open are not in the session list measured before.
            new Endpoint("login", 1, 3, HASHES_COUNTED, (side, i) -> side.json(
                    ClassicRequestBuilder.post(side.api("/api/v1/auth/login")),
                    Map.of("email", side.email, "password", PASSWORD))),
            new Endpoint("register", 1, 3, HASHES_COUNTED, new Request() {
                @Override
                public ClassicHttpRequest build(Side side, int i) {
                    return side.json(ClassicRequestBuilder.post(side.api("/api/v1/auth/register")), Map.of(
                            "email", "latency-" + UUID.randomUUID() + "@example.org", "password", PASSWORD,
                            "first_name", "Latency"));
                }

                @Override
                public int status() {
                    return 201;
                }
            }));

    private final List<Side> sides;
    private final List<Endpoint> mix;
    private final Random random;
    private final double scale;

    /**
     * @param served the running services, one per side
     * @param mix    {@link #MIX}, or the start of it ({@link #mixUpTo})
     * @param scale  the share of the mix's requests to send (1 in the gate; a test runs a small share)
     */
    AlternatingLatency(List<ServedCheckout> served, List<Endpoint> mix, Random random, double scale) {
        this.sides = served.stream().map(Side::new).toList();
        this.mix = List.copyOf(mix);
        this.random = random;
        this.scale = scale;
    }

    /**
     * The mix for judging one benchmark: up to and including its endpoint. What comes before it warms the
     * services as in a whole round (run alone, a users/me 1.6× slower once measured 1.10× in a JVM no other
     * endpoint had warmed), and what comes after cannot change its sample. The whole mix when none is named
     * or the one named is not in it.
     */
    static List<Endpoint> mixUpTo(Optional<String> judged) {
        if (judged.isEmpty()) {
            return MIX;
        }
        for (int i = 0; i < MIX.size(); i++) {
            if (judged.get().equals(Workload.LATENCY.benchmark(MIX.get(i).name()))) {
                return MIX.subList(0, i + 1);
            }
        }
        return MIX;
    }

    /** Runs the mix; one outcome per service, in the order given. Never throws for an endpoint that failed. */
    List<ForkOutcome> run() {
        try {
            for (Side side : sides) {
                try {
                    side.signIn();
                } catch (IOException | RuntimeException e) {
                    side.broken = "no account to measure with: " + e.getMessage();
                }
            }
            for (Endpoint endpoint : mix) {
                measure(endpoint);
            }
            return sides.stream().map(Side::outcome).toList();
        } finally {
            for (Side side : sides) {
                side.close();
            }
        }
    }

    private void measure(Endpoint endpoint) {
        int warmup = Math.max(1, (int) Math.round(endpoint.warmup() * scale));
        int measured = Math.max(1, (int) Math.round(endpoint.measured() * scale));
        Map<Side, long[]> nanos = new HashMap<>();
        for (Side side : sides) {
            nanos.put(side, new long[measured]);
            side.begin(endpoint);
        }
        List<Side> order = new ArrayList<>(sides);
        for (int i = 0; i < warmup + measured; i++) {
            Collections.shuffle(order, random);
            for (Side side : order) {
                long took = side.send(endpoint, i);
                if (i >= warmup && took >= 0) {
                    nanos.get(side)[i - warmup] = took;
                }
            }
        }
        Map<Side, long[][]> work = new HashMap<>();
        for (Side side : sides) {
            work.put(side, new long[2][endpoint.counted()]);
            side.countFrom(endpoint);
        }
        for (int k = 0; k < endpoint.counted(); k++) {
            Collections.shuffle(order, random);
            for (Side side : order) {
                if (side.send(endpoint, warmup + measured + k) >= 0) {
                    side.countNext(endpoint, work.get(side), k);
                }
            }
        }
        for (Side side : sides) {
            side.record(endpoint, nanos.get(side), work.get(side));
        }
    }

    private static double median(long[] values) {
        return PairedRatio.median(Arrays.stream(values).asDoubleStream().toArray());
    }

    /** One service as the client sees it: its connection, its account and what it has answered so far. */
    static final class Side {
        private final ServedCheckout service;
        private final CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build();
        private final Map<String, ForkOutcome.Sample> samples = new LinkedHashMap<>();
        private final Map<String, CountedWork> counted = new LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();
        /** Why this side measures nothing more at all, or null. */
        private String broken;
        /** The endpoint that failed on this side, measured no further. */
        private String failedEndpoint;
        private String email;
        private String accessToken;
        private String refreshToken;
        /** The endpoint's request count the service reaches once it has counted every request sent to it. */
        private long requestsSent;
        private long statementsCounted;
        private long bytesCounted;

        Side(ServedCheckout service) {
            this.service = service;
        }

        String api(String path) {
            return service.api().resolve(path).toString();
        }

        ClassicRequestBuilder bearer(ClassicRequestBuilder builder) {
            return builder.addHeader("Authorization", "Bearer " + accessToken);
        }

        ClassicHttpRequest json(ClassicRequestBuilder builder, Map<String, String> body) {
            try {
                return builder.setEntity(new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON))
                        .build();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** One account, registered and signed in: two bcrypt hashes, outside anything measured. */
        void signIn() throws IOException {
            email = "alternating-" + UUID.randomUUID() + "@example.org";
            call(json(ClassicRequestBuilder.post(api("/api/v1/auth/register")),
                    Map.of("email", email, "password", PASSWORD, "first_name", "Latency")), 201);
            JsonNode tokens = JSON.readTree(call(json(ClassicRequestBuilder.post(api("/api/v1/auth/login")),
                    Map.of("email", email, "password", PASSWORD)), 200));
            accessToken = tokens.path("access_token").asText();
            refreshToken = tokens.path("refresh_token").asText();
        }

        /**
         * Sends the endpoint's i-th request; returns the nanoseconds from sending it to having read the whole
         * answer, or -1 if this side no longer measures the endpoint (its first failure is recorded).
         */
        long send(Endpoint endpoint, int i) {
            if (!measures(endpoint)) {
                return -1;
            }
            try {
                ClassicHttpRequest request = endpoint.request().build(this, i);
                long start = System.nanoTime();
                String body = call(request, endpoint.request().status());
                long took = System.nanoTime() - start;
                requestsSent++;
                endpoint.request().answered(this, body);
                return took;
            } catch (IOException | RuntimeException e) {
                fail(endpoint, e.getMessage());
                return -1;
            }
        }

        private String call(ClassicHttpRequest request, int expected) throws IOException {
            return http.execute(request, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                if (response.getCode() != expected) {
                    throw new IOException("expected " + expected + " but got " + response.getCode() + ": "
                            + body.substring(0, Math.min(200, body.length())));
                }
                return body;
            });
        }

        /**
         * Reads how many requests of the endpoint the service has counted before the mix sends it any: only the
         * start-up's /health polls, answered before the accounts were made and the endpoints before it measured.
         */
        void begin(Endpoint endpoint) {
            if (!measures(endpoint)) {
                return;
            }
            try {
                requestsSent = count(counters(), endpoint, RequestWork.REQUESTS);
            } catch (IOException e) {
                fail(endpoint, e.getMessage());
            }
        }

        /**
         * Reads the endpoint's work counters before its counted requests, once the service has counted every
         * request sent so far: it counts one just after writing the answer, so the last measured request can
         * still be uncounted when the client has read its answer, and would be taken for the first counted one.
         */
        void countFrom(Endpoint endpoint) {
            JsonNode counters = awaitEveryRequestCounted(endpoint);
            if (counters != null) {
                statementsCounted = count(counters, endpoint, RequestWork.STATEMENTS);
                bytesCounted = count(counters, endpoint, RequestWork.ALLOCATED_BYTES);
            }
        }

        /** Records the statements and bytes of the one request sent since the last count, once it is counted. */
        void countNext(Endpoint endpoint, long[][] work, int k) {
            JsonNode counters = awaitEveryRequestCounted(endpoint);
            if (counters == null) {
                return;
            }
            long statements = count(counters, endpoint, RequestWork.STATEMENTS);
            long bytes = count(counters, endpoint, RequestWork.ALLOCATED_BYTES);
            work[0][k] = statements - statementsCounted;
            work[1][k] = bytes - bytesCounted;
            statementsCounted = statements;
            bytesCounted = bytes;
        }

        /**
         * The service's counters once its count of the endpoint's requests is every request sent; null (the
         * endpoint failed on this side) if it counts another number or none within the deadline.
         */
        private JsonNode awaitEveryRequestCounted(Endpoint endpoint) {
            if (!measures(endpoint)) {
                return null;
            }
            long deadline = System.nanoTime() + COUNTING_DEADLINE_NANOS;
            try {
                JsonNode counters = counters();
                while (count(counters, endpoint, RequestWork.REQUESTS) < requestsSent && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    counters = counters();
                }
                long counted = count(counters, endpoint, RequestWork.REQUESTS);
                if (counted != requestsSent) {
                    fail(endpoint, "the service counted " + counted + " requests where " + requestsSent + " were sent");
                    return null;
                }
                return counters;
            } catch (IOException e) {
                fail(endpoint, e.getMessage());
                return null;
            }
        }

        private boolean measures(Endpoint endpoint) {
            return broken == null && !endpoint.name().equals(failedEndpoint);
        }

        private JsonNode counters() throws IOException {
            return JSON.readTree(call(ClassicRequestBuilder.get(service.admin().resolve("/metrics").toString()).build(), 200))
                    .path("counters");
        }

        private void fail(Endpoint endpoint, String reason) {
            failedEndpoint = endpoint.name();
            errors.add(endpoint.name() + ": " + reason + " (log: " + service.log() + ")");
        }

        private static long count(JsonNode counters, Endpoint endpoint, String what) {
            return counters.path(RequestWork.metric(endpoint.name(), what)).path("count").asLong();
        }

        void record(Endpoint endpoint, long[] nanos, long[][] work) {
            if (!measures(endpoint)) {
                return;
            }
            String benchmark = Workload.LATENCY.benchmark(endpoint.name());
            samples.put(benchmark, new ForkOutcome.Sample(median(nanos) / 1e6, BenchmarkUnit.MS_PER_OP));
            counted.put(benchmark, new CountedWork(OptionalDouble.of(median(work[0])), OptionalDouble.of(median(work[1]))));
        }

        ForkOutcome outcome() {
            List<String> all = new ArrayList<>(errors);
            if (broken != null) {
                all.add(0, Workload.LATENCY.label() + ": " + broken + " (log: " + service.log() + ")");
            }
            return new ForkOutcome(samples, all, counted);
        }

        void close() {
            try {
                http.close();
            } catch (IOException ignored) {
                // the connection dies with the service anyway
            }
        }
    }
}
