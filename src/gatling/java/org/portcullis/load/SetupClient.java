package org.portcullis.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The requests a simulation makes before its measured phase, with the JDK's HTTP client rather than
 * Gatling, so that none of them shows in the report: registering and logging in accounts (bcrypt at
 * production cost, ~0.3 s each) and warming the service's hot paths up.
 *
 * <p>Logins and registrations answered 503 by the service's bcrypt bulkhead are retried after its
 * Retry-After: setup is allowed to be slow, not to fail.
 */
final class SetupClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 20;

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SetupClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers {@code email} (201) and logs it in (200); returns the token pair of the new session. */
    Account registerAndLogIn(String email, String password) {
        String registration = json(Map.of("email", email, "password", password, "first_name", "Load"));
        send("POST", "/api/v1/auth/register", registration, null, 201);
        return logIn(email, password);
    }

    Account logIn(String email, String password) {
        String login = json(Map.of("email", email, "password", password, "device_name", "loadtest"));
        JsonNode tokens = read(send("POST", "/api/v1/auth/login", login, null, 200));
        return new Account(email, password, tokens.get("access_token").asText(), tokens.get("refresh_token").asText());
    }

    /**
     * Logs {@code account} in again and again until {@code until} (System.nanoTime), each a new session;
     * returns how many logins were sent. Warms the login path up for the scenarios that measure it.
     */
    int warmUpLogins(Account account, long until) {
        int sent = 0;
        while (System.nanoTime() < until) {
            logIn(account.email(), account.password());
            sent++;
        }
        return sent;
    }

    /**
     * GETs each path in turn until {@code until} (System.nanoTime), with {@code accessToken} (or none, for
     * null); returns how many requests were sent.
     */
    int warmUp(List<String> paths, String accessToken, long until) {
        int sent = 0;
        while (System.nanoTime() < until) {
            for (String path : paths) {
                send("GET", path, null, accessToken, 200);
                sent++;
            }
        }
        return sent;
    }

    /**
     * The p99 latency budget of {@code endpoint} (e.g. usersMe) in ms, as the running service has it: read from
     * its admin page /latency, so a budget overridden for the run counts, not config.yml's.
     */
    double p99BudgetMillis(URI adminUrl, String endpoint) {
        JsonNode budget = read(send(adminUrl, "GET", "/latency", null, null, 200)).path("endpoints").path(endpoint)
                .path("budget").path("p99_ms");
        if (!budget.isNumber()) {
            throw new IllegalStateException("setup: " + adminUrl + "/latency has no p99 budget for " + endpoint);
        }
        return budget.asDouble();
    }

    private String send(String method, String path, String body, String accessToken, int expected) {
        return send(baseUrl, method, path, body, accessToken, expected);
    }

    private String send(URI base, String method, String path, String body, String accessToken, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("User-Agent", "portcullis-loadtest-setup");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(request.build());
            if (response.statusCode() == expected) {
                return response.body();
            }
            if (response.statusCode() != 503 || attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("setup: " + method + " " + path + " answered "
                        + response.statusCode() + " (expected " + expected + "): " + response.body());
            }
            pause(response.headers().firstValueAsLong("Retry-After").orElse(1));
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("setup: " + request.uri() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("setup interrupted", e);
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("setup interrupted", e);
        }
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("setup: unreadable response " + body, e);
        }
    }
}
