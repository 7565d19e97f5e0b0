package org.portcullis.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client for the API tests. java.net.http sends exactly the bytes and headers a test gives
 * (including PATCH and broken bodies), which a JAX-RS client would try to "help" with.
 */
public final class Api {
    public static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * HTTP/1.1 as the API's clients speak it: the JDK client's default, HTTP/2, would ask every new connection
     * to upgrade to h2c, which Jetty's HTTP/1.1 connector declines, at the cost of extra headers per request.
     */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Reply post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Reply patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** Sends raw bytes with any method and content type. */
    public Reply raw(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, null);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Sends a request. Jetty may close a kept-alive connection after an error whose request body it did
     * not read to the end (a 400, a 413); a request that then finds the pooled connection dead before a
     * single response byte arrives is sent once more, on a new connection, as browsers do.
     */
    public Reply send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            try {
                return new Reply(client.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException stale) {
                if (!String.valueOf(stale.getMessage()).contains("received no bytes")) {
                    throw stale;
                }
                return new Reply(client.send(request, HttpResponse.BodyHandlers.ofString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    // ---- the common steps of a test, each asserting its own success ----

    /** Registers a fresh account with a random email; returns that email. */
    public String newAccount() {
        String email = "user-" + UUID.randomUUID() + "@example.org";
        Reply reply = post("/api/v1/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "first_name", "Test", "last_name", "User"));
        reply.expect(201);
        return email;
    }

    /** Logs in and returns the token response. */
    public JsonNode login(String email) {
        return login(email, Map.of());
    }

    public JsonNode login(String email, Map<String, String> headers) {
        HttpRequest.Builder builder = request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", PASSWORD))));
        headers.forEach(builder::header);
        return send(builder).expect(200).json();
    }

    /** The access token of a fresh login of a fresh account. */
    public String newAccessToken() {
        return login(newAccount()).get("access_token").asText();
    }

    static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response with its body parsed on demand. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status() + "): " + response.body(), e);
            }
        }

        public Reply expect(int status) {
            if (status() != status) {
                throw new AssertionError("expected " + status + " but got " + status() + ": " + body());
            }
            return this;
        }
    }
}
