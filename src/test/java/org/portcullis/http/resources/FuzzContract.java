package org.portcullis.http.resources;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred randomized hostile requests across every endpoint, from a fixed seed so a failure can be
 * replayed exactly (the seed and the request are in the failure message). Passes only if no answer is a
 * 5xx and /health still answers 200 afterwards.
 */
abstract class FuzzContract extends AppOnDatabase {
    protected FuzzContract(DatabaseExtension db) {
        super(db, Map.of());
    }

    static final long SEED = Long.getLong("portcullis.fuzz.seed", 20261127L);
    static final int REQUESTS = 300;

    private static final String[][] ENDPOINTS = {
            {"GET", "/health"}, {"GET", "/api/v1/openapi.json"},
            {"POST", "/api/v1/auth/register"}, {"POST", "/api/v1/auth/login"}, {"POST", "/api/v1/auth/refresh"},
            {"POST", "/api/v1/auth/logout"}, {"POST", "/api/v1/auth/logout-all"},
            {"GET", "/api/v1/sessions/me"}, {"DELETE", "/api/v1/sessions/"},
            {"GET", "/api/v1/users/me"}, {"PATCH", "/api/v1/users/me"}, {"PATCH", "/api/v1/users/me/password"}};
    private static final String[] FIELDS = {"email", "password", "first_name", "last_name", "device_name",
            "refresh_token", "current_password", "new_password", "is_superuser", "id", "__proto__", ""};
    private static final String[] METHODS = {"GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-16",
            "text/plain", "application/x-www-form-urlencoded", "application/json;charset=latin1", "*/*", ""};

    @Test
    void randomHostileRequestsNeverGetA5xx() {
        Api api = new Api(app().getLocalPort());
        JsonNode tokens = api.login(api.newAccount());
        List<String> realTokens = List.of(tokens.get("access_token").asText(), tokens.get("refresh_token").asText());
        Random random = new Random(SEED);
        List<String> serverErrors = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            String[] endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
            String method = random.nextInt(5) == 0 ? METHODS[random.nextInt(METHODS.length)] : endpoint[0];
            String path = endpoint[1].endsWith("/") ? endpoint[1] + pathSegment(random) : endpoint[1];
            byte[] body = body(random, realTokens);
            HttpRequest.Builder request = api.request(path, null)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            String authorization = authorization(random, realTokens);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            Reply reply;
            try {
                reply = api.send(request);
            } catch (java.io.UncheckedIOException dropped) {
                serverErrors.add("#" + i + " " + method + " " + path + " -> connection dropped: " + dropped.getMessage()
                        + " (content type " + contentType + ", body " + (body == null ? "none" : body.length + " bytes: "
                        + new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1)) + ")");
                continue;
            }
            if (reply.status() >= 500) {
                serverErrors.add("#" + i + " " + method + " " + path + " -> " + reply.status() + " " + reply.body()
                        + " (body " + (body == null ? "none" : new String(body, StandardCharsets.ISO_8859_1)) + ")");
            }
        }

        assertThat(serverErrors).as("5xx answers with seed %d", SEED).isEmpty();
        api.get("/health", null).expect(200);
    }

    private static String pathSegment(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> java.util.UUID.randomUUID().toString();
            case 1 -> "%00";
            case 2 -> "x".repeat(random.nextInt(300));
            default -> Integer.toString(random.nextInt());
        };
    }

    private static String authorization(Random random, List<String> real) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "Bearer " + real.get(random.nextInt(real.size()));
            case 2 -> "Bearer " + mangle(random, real.get(0));
            case 3 -> "Bearer eyJhbGciOiJub25lIn0." + real.get(0).split("\\.")[1] + ".";
            case 4 -> "Basic dXNlcjpwYXNz";
            case 5 -> "Bearer";
            default -> "bearer " + asciiText(random, 40);
        };
    }

    private static String mangle(Random random, String token) {
        char[] chars = token.toCharArray();
        chars[random.nextInt(chars.length)] = (char) ('A' + random.nextInt(26));
        return new String(chars);
    }

    private static byte[] body(Random random, List<String> real) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> randomBytes(random, random.nextInt(200));
            case 2 -> ("[".repeat(random.nextInt(3000)) + "]").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":" + "{\"a\":".repeat(random.nextInt(2000)) + "1")
                    .getBytes(StandardCharsets.UTF_8);
            default -> object(random, real).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String object(Random random, List<String> real) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(',');
            }
            json.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":").append(value(random, real));
        }
        return json.append('}').toString();
    }

    private static String value(Random random, List<String> real) {
        return switch (random.nextInt(10)) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "true";
            case 3 -> "[" + value(random, real) + "]";
            case 4 -> "{\"x\":" + value(random, real) + "}";
            case 5 -> "\"" + real.get(random.nextInt(real.size())) + "\"";
            case 6 -> "\"" + "a".repeat(random.nextInt(5000)) + "@example.org\"";
            case 7 -> "\"\\u0000\\u001f\\ud800" + randomText(random, 10) + "\"";
            case 8 -> "1e999999";
            default -> "\"" + randomText(random, 30) + "\"";
        };
    }

    private static String randomText(Random random, int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f);
            if (c == '"' || c == '\\') {
                c = 'q';
            }
            text.append((char) c);
        }
        return text.toString();
    }

    /** Printable ASCII: what an HTTP client library lets through in a header value. */
    private static String asciiText(Random random, int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
