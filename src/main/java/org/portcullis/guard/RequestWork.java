package org.portcullis.guard;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.annotation.Timed;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.portcullis.api.EndpointTimers;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The work each timed endpoint's requests do on the thread that serves them, counted rather than timed:
 * SQL statements, bytes allocated and CPU time, added per endpoint to the counters {@code portcullis.work.<endpoint>.}
 * {@value #REQUESTS}, {@value #STATEMENTS}, {@value #ALLOCATED_BYTES} and {@value #CPU_NANOS}. Divided, they say
 * "usersMe: 1 SQL statement per request" to an operator, and to the latency tests, which read the counters'
 * differences over their measured requests: a second database read on the authenticated path shows as 2
 * instead of 1 on any machine and at any load, where its time is a few percent lost in the noise of a busy one.
 *
 * <p>CPU time is the serving thread's own, not the wall clock's: a request that waits for a core another
 * process holds is not charged for the wait, so on a shared machine it moves far less than the request's
 * time does, while work the request itself does (H2 runs in this thread; JSON, hashing, a filter) is all in
 * it. Time spent waiting (a lock, a remote database, a sleep) is not: the endpoint timers keep that.
 *
 * <p>Every figure is the serving thread's own counter read when Jersey starts the request and when it has
 * written the response (the event after which the endpoint timers also record): the statements of
 * {@code statementsOnThisThread}, the JVM's per-thread allocated bytes and the thread's CPU clock. Work on other threads meanwhile
 * (the health check's SELECT 1, the key schedule, other requests) is never counted, so the same request
 * counts the same every time. Work a request hands to another thread (bcrypt on the bulkhead's pool) is not
 * counted either. A request whose end runs on another thread than its start (none today: every resource is
 * synchronous) is left out rather than counted wrong; so are requests no timed method matched.
 *
 * <p>{@value #REQUESTS} is incremented last, so a reader that sees a request counted sees its work too.
 */
public final class RequestWork implements ApplicationEventListener {
    public static final String PREFIX = "portcullis.work.";
    public static final String REQUESTS = "requests";
    public static final String STATEMENTS = "sql_statements";
    public static final String ALLOCATED_BYTES = "allocated_bytes";
    public static final String CPU_NANOS = "cpu_nanos";

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final MetricRegistry metrics;
    private final LongSupplier statementsOnThisThread;
    /** Per resource method its counters, or empty for a method no timer names (remembered too: no re-reading). */
    private final Map<Method, Optional<Endpoint>> endpoints = new ConcurrentHashMap<>();

    /** @param statementsOnThisThread a count of the calling thread's SQL statements that only grows */
    public RequestWork(MetricRegistry metrics, LongSupplier statementsOnThisThread) {
        this.metrics = metrics;
        this.statementsOnThisThread = statementsOnThisThread;
    }

    /** The counter {@code what} ({@link #REQUESTS}, …) of an endpoint by its short name, e.g. usersMe. */
    public static String metric(String endpoint, String what) {
        return PREFIX + endpoint + "." + what;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        return new OneRequest(Thread.currentThread(), statementsOnThisThread.getAsLong(), allocatedBytes(), cpuNanos());
    }

    /** -1 where the JVM does not count allocation per thread (every HotSpot of Java 17 does, by default). */
    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** -1 where the JVM does not measure thread CPU time (HotSpot on Linux does, by default). */
    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private final class OneRequest implements RequestEventListener {
        private final Thread thread;
        private final long statementsBefore;
        private final long bytesBefore;
        private final long cpuBefore;

        OneRequest(Thread thread, long statementsBefore, long bytesBefore, long cpuBefore) {
            this.thread = thread;
            this.statementsBefore = statementsBefore;
            this.bytesBefore = bytesBefore;
            this.cpuBefore = cpuBefore;
        }

        @Override
        public void onEvent(RequestEvent event) {
            if (event.getType() != RequestEvent.Type.FINISHED || Thread.currentThread() != thread) {
                return;
            }
            long statements = statementsOnThisThread.getAsLong() - statementsBefore;
            long bytes = allocatedBytes();
            long cpu = cpuNanos();
            ResourceMethod matched = event.getUriInfo().getMatchedResourceMethod();
            if (matched == null) {
                return;
            }
            endpoints.computeIfAbsent(matched.getInvocable().getDefinitionMethod(), RequestWork.this::endpoint)
                    .ifPresent(endpoint -> endpoint.add(statements, difference(bytesBefore, bytes), difference(cpuBefore, cpu)));
        }
    }

    /** After minus before, or 0 where the JVM gave no figure (-1). */
    private static long difference(long before, long after) {
        return before < 0 || after < 0 ? 0 : after - before;
    }

    /** The counters of the endpoint a method's {@code @Timed} names; empty for a method without one. */
    private Optional<Endpoint> endpoint(Method method) {
        Timed timed = method.getAnnotation(Timed.class);
        if (timed == null || !timed.name().startsWith(EndpointTimers.PREFIX)) {
            return Optional.empty();
        }
        String name = timed.name().substring(EndpointTimers.PREFIX.length());
        return Optional.of(new Endpoint(metrics.counter(metric(name, REQUESTS)), metrics.counter(metric(name, STATEMENTS)),
                metrics.counter(metric(name, ALLOCATED_BYTES)), metrics.counter(metric(name, CPU_NANOS))));
    }

    private record Endpoint(Counter requests, Counter statements, Counter allocatedBytes, Counter cpuNanos) {
        void add(long statementCount, long bytes, long cpu) {
            statements.inc(statementCount);
            allocatedBytes.inc(bytes);
            cpuNanos.inc(cpu);
            requests.inc();
        }
    }
}
