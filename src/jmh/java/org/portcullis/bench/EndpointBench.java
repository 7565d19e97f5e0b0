package org.portcullis.bench;

import io.dropwizard.testing.DropwizardTestSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.TestApps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/*
 * What: a full HTTP round trip, in microseconds, to the two endpoints that need no account: GET /health
 * (which runs SELECT 1 on the database) and GET /api/v1/openapi.json (a large JSON document). The app is
 * the real one on config.yml, started once per fork with only the ports, the database (an in-memory H2 of
 * its own) and the log level changed; the client is java.net.http.HttpClient over one kept-alive
 * HTTP/1.1 connection.
 *
 * Why: they are the floor under every endpoint: Jetty, Jersey, our filters, the timers and the request
 * log, the JSON writer. If /health gets slower, every request got slower.
 *
 * What could make the number lie:
 *  - Client and server share the machine: on 2 cores the client thread, its selector thread and Jetty's
 *    threads compete, so the figure is "round trip on this host", not server time. The server's own view
 *    is in its timers, which the latency tests read.
 *  - Warmup: Jetty, Jersey and Jackson are a lot of code for the JIT, compiled on the same 2 cores; on a
 *    busy host the round trip keeps falling for 5-8 s, hence 6 warmup iterations. A shorter warmup makes
 *    the figure mostly a measure of the compiler's progress.
 *  - Connection reuse: with keep-alive there is no TCP handshake per request, as with a real client that
 *    keeps its connection; a change that broke keep-alive would show as a big jump, rightly.
 *  - Caching: the OpenAPI document is rendered on the first request and served from memory afterwards;
 *    the warmup pays the rendering, so this measures serving it, which is what clients see.
 *  - Dead code: the response (with its body read in full) is returned to JMH, and a status other than 200
 *    throws instead of timing an error page.
 *  - Request log: config.yml logs every request to the console; here the same appender writes to
 *    target/benchmarks/endpoint-requests.log instead, so the work stays but the console keeps JMH's output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class EndpointBench {
    static final String REQUEST_LOG = "target/benchmarks/endpoint-requests.log";

    private DropwizardTestSupport<PortcullisConfiguration> app;
    private HttpClient client;
    private HttpRequest health;
    private HttpRequest openApi;

    @Setup(Level.Trial)
    public void startApp() throws Exception {
        String database = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        app = TestApps.productionSupport(() -> database, Map.of(
                "server.requestLog.appenders[0].type", "file",
                "server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG,
                "server.requestLog.appenders[0].archive", "false"));
        app.before();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://127.0.0.1:" + app.getLocalPort());
        health = HttpRequest.newBuilder(base.resolve("/health")).GET().build();
        openApi = HttpRequest.newBuilder(base.resolve("/api/v1/openapi.json")).GET().build();
    }

    @TearDown(Level.Trial)
    public void stopApp() {
        app.after();
    }

    @Benchmark
    public HttpResponse<byte[]> health() throws IOException, InterruptedException {
        return ok(client.send(health, HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Benchmark
    public HttpResponse<byte[]> openApi() throws IOException, InterruptedException {
        return ok(client.send(openApi, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static HttpResponse<byte[]> ok(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                    + ": " + body.substring(0, Math.min(200, body.length())));
        }
        return response;
    }
}
