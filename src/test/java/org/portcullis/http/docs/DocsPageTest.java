package org.portcullis.http.docs;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.HeldRequestApplication;
import org.portcullis.support.RequestHold;
import org.portcullis.support.TestApps;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /docs over HTTP: Swagger UI from our jars, to anybody, with the security headers of the API and a
 * Content-Security-Policy of its own. What a browser makes of it is DocsBrowserTest's part.
 */
class DocsPageTest {
    /** Headers a security filter of ours would add: whichever /health carries, every /docs response must too. */
    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy", "Strict-Transport-Security", "Permissions-Policy", "Cross-Origin-Opener-Policy",
            "Cross-Origin-Resource-Policy", "Cross-Origin-Embedder-Policy");

    private static final List<String> DOCS_RESPONSES = List.of("/docs", "/docs/", "/docs/index.html",
            "/docs/swagger-initializer.js", "/docs/swagger-ui/swagger-ui-bundle.js", "/docs/swagger-ui/swagger-ui.css",
            "/docs/no-such-file.js");

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    /** A concurrency limit of 2, and an endpoint that holds requests inside it. */
    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(
            HeldRequestApplication.class, DB::url, Map.of(
                    "latencyGuard.limiter.initialLimit", "2",
                    "latencyGuard.limiter.minLimit", "2",
                    "latencyGuard.limiter.maxLimit", "2"));

    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    @AfterEach
    void releaseHeldRequests() {
        RequestHold.release();
        clients.shutdownNow();
    }

    @Test
    void docsWithoutTheSlashIsSentToDocsSlashWhereTheRelativeLinksResolve() {
        Reply reply = api().get("/docs", null);

        assertThat(reply.status()).isEqualTo(301);
        assertThat(URI.create("http://127.0.0.1/docs").resolve(reply.header("Location")).getPath())
                .isEqualTo("/docs/");
    }

    @Test
    void theIndexRunsSwaggerUiFromThisOriginOverTheServicesOwnDocument() {
        Reply index = api().get("/docs/", null).expect(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.body()).contains("<script src=\"swagger-ui/swagger-ui-bundle.js\"",
                "<script src=\"swagger-initializer.js\"", "href=\"swagger-ui/swagger-ui.css\"");
        assertThat(index.body()).doesNotContain("//").doesNotContain("<script>").doesNotContain("<style");

        Reply initializer = api().get("/docs/swagger-initializer.js", null).expect(200);
        assertThat(initializer.header("Content-Type")).startsWith("text/javascript");
        assertThat(initializer.body()).contains("url: \"/api/v1/openapi.json\"", "validatorUrl: null")
                .doesNotContain("petstore");
    }

    @Test
    void theWebjarsFilesAreServedWithTheTypesNosniffRequires() {
        Reply bundle = api().get("/docs/swagger-ui/swagger-ui-bundle.js", null).expect(200);
        assertThat(bundle.header("Content-Type")).startsWith("text/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(api().get("/docs/swagger-ui/swagger-ui.css", null).expect(200).header("Content-Type"))
                .startsWith("text/css");
        assertThat(api().get("/docs/swagger-ui/favicon-32x32.png", null).expect(200).header("Content-Type"))
                .startsWith("image/png");
    }

    @Test
    void everyDocsResponseKeepsTheApisSecurityHeadersAndAddsThePagePolicy() {
        Reply health = api().get("/health", null).expect(200);
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");

        for (String path : DOCS_RESPONSES) {
            Reply docs = api().get(path, null);
            for (String header : SECURITY_HEADERS) {
                if (health.header(header) != null) {
                    assertThat(docs.header(header)).as(header + " of " + path).isEqualTo(health.header(header));
                }
            }
            assertThat(docs.header("Content-Security-Policy")).as(path)
                    .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        }
    }

    @Test
    void aMissingFileIsTheOneJsonErrorShape() {
        Reply missing = api().get("/docs/swagger-ui/no-such-file.js", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        assertThat(missing.json().get("code").asInt()).isEqualTo(404);
    }

    @Test
    void anUnchangedFileIsABare304() {
        Reply first = api().get("/docs/swagger-initializer.js", null).expect(200);
        Reply again = api().send(api().request("/docs/swagger-initializer.js", null)
                .header("If-None-Match", first.header("ETag")).GET());

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void theApisResponsesGetNoPagePolicy() {
        Reply health = api().get("/health", null).expect(200);
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(health.header("Content-Security-Policy")).isNull();
    }

    @Test
    void theDocsAreServedWithoutATokenWhileTheConcurrencyLimitIsFull() throws Exception {
        Api api = api();
        RequestHold.arm(2);
        List<CompletableFuture<Reply>> held = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(HeldRequestApplication.HELD, null), clients))
                .toList();
        assertThat(RequestHold.awaitEntered()).as("both held requests are inside the limit of 2").isTrue();
        api.get(HeldRequestApplication.HELD, null).expect(503);

        api.get("/docs/", null).expect(200);
        api.get("/docs/swagger-ui/swagger-ui-bundle.js", null).expect(200);

        RequestHold.release();
        held.forEach(reply -> reply.join().expect(200));
    }

    private static Api api() {
        return new Api(APP.getLocalPort());
    }
}
