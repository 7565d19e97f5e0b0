package org.portcullis.http.resources;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.domain.TokenType;
import org.portcullis.http.errors.ClientHangUpMapper;
import org.portcullis.service.TokenKeys;
import org.portcullis.service.TokenService;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.AppKeys;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input an attacker would send, on H2 and PostgreSQL: every answer is a 4xx in the one error shape,
 * nothing is written, and no body betrays internals.
 */
abstract class HostileInputContract extends AppOnDatabase {
    protected HostileInputContract(DatabaseExtension db) {
        super(db, Map.of());
    }

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    /** The body is the error shape with the given status and shows nothing of the server's insides. */
    static void assertCleanError(Reply reply, int status) {
        reply.expect(status);
        assertThat(reply.json().get("code").asInt()).isEqualTo(status);
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContainIgnoringCase("exception").doesNotContain("org.", "java.", "at ")
                .doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("jetty");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private Reply postRaw(String path, String body) {
        return api.raw("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private long users() {
        try (Connection c = DriverManager.getConnection(database().url());
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonOfTheWrongShapeIs4xxAndWritesNothing() {
        long before = users();
        for (String body : List.of("[]", "[{\"email\":\"a@b.org\"}]", "\"text\"", "42", "true", "null", "{}",
                "{\"email\":[\"a@b.org\"],\"password\":\"correct horse battery\",\"first_name\":\"A\"}",
                "{\"email\":\"a@b.org\",\"password\":12345678901234,\"first_name\":\"A\"}",
                "{\"email\":\"a@b.org\",\"password\":\"correct horse battery\",\"first_name\":{\"x\":1}}",
                "{\"email\":\"a@b.org\",\"password\":\"correct horse battery\",\"first_name\":\"A\"} trailing")) {
            Reply reply = postRaw("/api/v1/auth/register", body);
            assertThat(reply.status()).as(body).isIn(400, 422);
            assertCleanError(reply, reply.status());
        }
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void nulBytesAndControlCharactersAre422AndWriteNothing() {
        long before = users();
        assertCleanError(postRaw("/api/v1/auth/register",
                "{\"email\":\"nul\\u0000@example.org\",\"password\":\"correct horse battery\",\"first_name\":\"A\"}"), 422);
        assertCleanError(postRaw("/api/v1/auth/register",
                "{\"email\":\"ctl@example.org\",\"password\":\"correct horse battery\",\"first_name\":\"A\\u0000B\"}"), 422);
        assertCleanError(postRaw("/api/v1/auth/register",
                "{\"email\":\"ctl@example.org\",\"password\":\"correct horse battery\",\"first_name\":\"A\",\"last_name\":\"\\u001b[31m\"}"), 422);
        assertCleanError(postRaw("/api/v1/auth/login", "{\"email\":\"x\\u0000@example.org\",\"password\":\"p\"}"), 422);
        assertThat(users()).isEqualTo(before);

        String token = api.newAccessToken();
        Reply patch = api.send(api.request("/api/v1/users/me", token).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"first_name\":\"\\u0000\"}")));
        assertCleanError(patch, 422);
    }

    /**
     * Characters that \p{Cntrl} (ASCII only) let through but that forge or reorder what a reader sees: C1
     * controls (U+0085 is a line break to some log viewers), bidi overrides, isolates and marks (U+202E
     * shows "evil\u202Egpj.exe" as "evilexe.jpg"), and the Unicode line and paragraph separators.
     */
    @Test
    void c1ControlsBidiOverridesAndLineSeparatorsInNamesAre422AndWriteNothing() {
        long before = users();
        String token = api.newAccessToken();
        for (String bad : List.of("\u0085", "\u009b", "\u202e", "\u202a", "\u2066", "\u2069", "\u200e",
                "\u200f", "\u061c", "\u2028", "\u2029")) {
            String name = "Ann" + bad + "Lee";
            Reply first = api.post("/api/v1/auth/register", null, Map.of("email", "bidi@example.org",
                    "password", Api.PASSWORD, "first_name", name));
            assertCleanError(first, 422);
            assertThat(first.json().get("errors")).extracting(JsonNode::asText)
                    .containsExactly("first_name: must not contain control characters");
            assertCleanError(api.post("/api/v1/auth/register", null, Map.of("email", "bidi@example.org",
                    "password", Api.PASSWORD, "first_name", "Ann", "last_name", name)), 422);
            assertCleanError(api.patch("/api/v1/users/me", token, Map.of("last_name", name)), 422);
            assertCleanError(api.post("/api/v1/auth/login", null, Map.of("email", "bidi@example.org",
                    "password", Api.PASSWORD, "device_name", name)), 422);
        }
        assertThat(users()).isEqualTo(before + 1);
    }

    @Test
    void namesInOtherScriptsAndJoinersStillPass() {
        // ZWNJ (U+200C) and ZWJ (U+200D) are format characters too, but Persian and Indic names need them.
        api.post("/api/v1/auth/register", null, Map.of("email", "fa-" + UUID.randomUUID() + "@example.org",
                "password", Api.PASSWORD, "first_name", "می‌را", "last_name", "Ngô न्‍"))
                .expect(201);
    }

    @Test
    void blankAndMalformedEmailsAre422NamingTheEmailAndWriteNothing() {
        long before = users();
        for (String email : List.of("", "   ", "a@", "@example.com", "a@@example.com", "no-at-sign.example.com")) {
            Reply reply = api.post("/api/v1/auth/register", null,
                    Map.of("email", email, "password", Api.PASSWORD, "first_name", "A"));
            assertCleanError(reply, 422);
            assertThat(reply.json().get("errors")).as("'%s'", email).extracting(JsonNode::asText)
                    .containsExactly("email: must be a well-formed email address");
        }
        assertThat(users()).isEqualTo(before);
    }

    /** Login names no account by its email's shape: blank is a 422, anything else simply matches nobody. */
    @Test
    void loginWithABlankEmailIs422AndWithAMalformedOneIsTheUsual401() {
        for (String email : List.of("", "   ")) {
            Reply reply = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD));
            assertCleanError(reply, 422);
            assertThat(reply.json().get("errors")).extracting(JsonNode::asText)
                    .containsExactly("email: size must be between 1 and 254");
        }
        for (String email : List.of("a@", "@example.com", "a@@example.com", "no-at-sign.example.com")) {
            Reply reply = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD));
            assertCleanError(reply, 401);
            assertThat(reply.json().get("message").asText()).isEqualTo("Invalid email or password");
        }
    }

    /** Users imported with other bcrypt implementations' prefixes log in; a corrupt stored hash is no 500. */
    @Test
    void importedBcryptHashesLogInAndACorruptOneIsTheUsual401() {
        String imported = api.newAccount();
        // pyca/bcrypt's test vector: a $2b$ hash of "Kk4DQuMMfZL9o".
        database().execute("UPDATE users SET password_hash = '$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm'"
                + " WHERE email = '" + imported + "'");
        api.post("/api/v1/auth/login", null, Map.of("email", imported, "password", "Kk4DQuMMfZL9o")).expect(200);

        String corrupt = api.newAccount();
        database().execute("UPDATE users SET password_hash = '$2a$04$truncated' WHERE email = '" + corrupt + "'");
        Reply reply = api.post("/api/v1/auth/login", null, Map.of("email", corrupt, "password", Api.PASSWORD));
        assertCleanError(reply, 401);
        assertThat(reply.json().get("message").asText()).isEqualTo("Invalid email or password");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = "{\"email\":\"a\u00ff@x.org\",\"password\":\"correct horse battery\",\"first_name\":\"A\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertCleanError(api.raw("POST", "/api/v1/auth/register", "application/json", body, Map.of()), 400);
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String objects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        String arrays = "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertCleanError(postRaw("/api/v1/auth/login", objects), 400);
        assertCleanError(postRaw("/api/v1/auth/login", arrays), 422);
    }

    @Test
    void bodiesOverTheMaximumAre413WithOrWithoutALength() {
        String big = "{\"email\":\"" + "a".repeat(70_000) + "\"}";
        assertCleanError(postRaw("/api/v1/auth/login", big), 413);
        // Chunked, with no length to check up front: the server must cut it off while reading.
        String chunkedResponse = rawExchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n", false);
        assertThat(chunkedResponse).startsWith("HTTP/1.1 413 ").contains("{\"code\":413,");
    }

    /**
     * A client that announces a body and hangs up halfway. Its sending half is closed, as a client that
     * crashed or lost the network would; the other half stays open only so the test knows when the server
     * is done with the request (its answer is read to the end) before looking at the log.
     */
    @Test
    void aClientHangingUpMidBodyIsOneDebugLineWithoutStackTraceAndNoError() {
        Logger hangUps = (Logger) LoggerFactory.getLogger(ClientHangUpMapper.class);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Level configured = hangUps.getLevel();
        logged.start();
        hangUps.setLevel(Level.DEBUG);
        root.addAppender(logged);
        try {
            String answer = rawExchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":\"a@example.org\",", true);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"code\":400,");
        } finally {
            root.detachAppender(logged);
            hangUps.setLevel(configured);
        }
        assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
        assertThat(logged.list).filteredOn(event -> event.getLoggerName().equals(ClientHangUpMapper.class.getName()))
                .singleElement().satisfies(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                    assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
                });
    }

    /**
     * Writes a whole request on a raw socket, then reads the whole answer. An HTTP client library may give
     * up when the server answers before the upload is finished, which is exactly what a server should do.
     *
     * @param hangUp close the sending half after the request, so the server reads an end of stream
     */
    private String rawExchange(String request, boolean hangUp) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app().getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (hangUp) {
                socket.shutdownOutput();
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void veryLongFieldsAre422() {
        assertCleanError(api.post("/api/v1/auth/register", null, Map.of("email", "a".repeat(250) + "@example.org",
                "password", Api.PASSWORD, "first_name", "A")), 422);
        assertCleanError(api.post("/api/v1/auth/login", null, Map.of("email", "a@example.org",
                "password", "p".repeat(5000))), 422);
        assertCleanError(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", "t".repeat(5000))), 422);
        assertCleanError(api.post("/api/v1/auth/login", null, Map.of("email", "a@example.org",
                "password", Api.PASSWORD, "device_name", "d".repeat(101))), 422);
    }

    @Test
    void pathParametersThatAreNotUuidsAre404() {
        String token = api.newAccessToken();
        for (String id : List.of("1", "..", "%27%20OR%201%3D1", "00000000-0000-0000-0000-00000000000Z")) {
            assertCleanError(api.delete("/api/v1/sessions/" + id, token), 404);
        }
        // An encoded slash is ambiguous: Jetty refuses it before routing, still in the error shape.
        assertCleanError(api.delete("/api/v1/sessions/..%2F..%2Fetc", token), 400);
    }

    // ---------------------------------------------------------------- tokens

    private static final byte[] SECRET = TestApps.SECRET.getBytes(StandardCharsets.UTF_8);
    private static final String ISSUER = "http://localhost:8080";

    private String[] userAndSession() {
        String token = api.newAccessToken();
        var me = api.get("/api/v1/users/me", token).json();
        var session = api.get("/api/v1/sessions/me", token).json().get("sessions").get(0);
        return new String[]{me.get("id").asText(), session.get("id").asText()};
    }

    /** The app's own RS256 key, opened from its database: forgeries that verify. */
    private TokenService tokens() {
        return AppKeys.forger(database().url());
    }

    @Test
    void aTokenExpiredBeyondTheLeewayIs401() {
        String[] ids = userAndSession();
        Instant now = Instant.now();
        String expired = tokens().sign(UUID.fromString(ids[0]), UUID.fromString(ids[1]), UUID.randomUUID(),
                TokenType.ACCESS, now.minusSeconds(1000), now.minusSeconds(60));
        assertCleanError(api.get("/api/v1/users/me", expired), 401);
    }

    @Test
    void tokensWithoutExpiryOrSignedWithAnotherAlgorithmAre401() {
        String[] ids = userAndSession();
        TokenKeys.ActiveKey appKey = AppKeys.ring(database().url()).signingKey();
        String noExp = Jwts.builder().header().keyId(appKey.kid()).and().issuer(ISSUER).subject(ids[0])
                .id(UUID.randomUUID().toString()).issuedAt(new Date()).claim("sid", ids[1]).claim("type", "access")
                .signWith((PrivateKey) appKey.key(), Jwts.SIG.RS256).compact();
        byte[] longSecret = (TestApps.SECRET + TestApps.SECRET).getBytes(StandardCharsets.UTF_8);
        String hs512 = Jwts.builder().issuer(ISSUER).subject(ids[0]).id(UUID.randomUUID().toString())
                .claim("sid", ids[1]).claim("type", "access").expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(longSecret), Jwts.SIG.HS512).compact();
        // The configured JWT_SECRET signs nothing under RS256: an HS256 token with it is no token of ours.
        String hs256 = Jwts.builder().header().keyId(appKey.kid()).and().issuer(ISSUER).subject(ids[0])
                .id(UUID.randomUUID().toString()).issuedAt(new Date()).claim("sid", ids[1]).claim("type", "access")
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
        assertCleanError(api.get("/api/v1/users/me", noExp), 401);
        assertCleanError(api.get("/api/v1/users/me", hs512), 401);
        assertCleanError(api.get("/api/v1/users/me", hs256), 401);
    }

    @Test
    void validlySignedTokensForAnUnknownUserOrSessionAre401() {
        String[] ids = userAndSession();
        TokenService tokens = tokens();
        String unknownUser = accessToken(tokens, UUID.randomUUID(), UUID.fromString(ids[1]));
        String unknownSession = accessToken(tokens, UUID.fromString(ids[0]), UUID.randomUUID());
        assertCleanError(api.get("/api/v1/users/me", unknownUser), 401);
        assertCleanError(api.get("/api/v1/users/me", unknownSession), 401);
        assertThat(api.get("/api/v1/users/me", accessToken(tokens, UUID.fromString(ids[0]), UUID.fromString(ids[1])))
                .status()).as("the forging works when the ids are real").isEqualTo(200);
    }

    /** An access token signed with the app's own key for any user and session ids, real or not. */
    private static String accessToken(TokenService tokens, UUID userId, UUID sessionId) {
        Instant now = Instant.now();
        return tokens.sign(userId, sessionId, UUID.randomUUID(), TokenType.ACCESS, now, now.plus(Duration.ofMinutes(5)));
    }

    // ---------------------------------------------------------------- headers

    @Test
    void everyResponseSaysNosniffAndNoneNamesTheServer() {
        String token = api.newAccessToken();
        List<Reply> replies = List.of(
                api.get("/health", null),
                api.get("/api/v1/openapi.json", null),
                api.get("/api/v1/users/me", token),
                api.get("/api/v1/users/me", null),
                api.get("/nowhere", null),
                api.raw("TRACE", "/api/v1/users/me", null, null, Map.of()),
                api.raw("POST", "/api/v1/auth/login", "text/plain", "x".getBytes(), Map.of()));
        for (Reply reply : replies) {
            assertThat(reply.header("X-Content-Type-Options")).as("%s", reply.response().uri()).isEqualTo("nosniff");
            assertThat(reply.header("Server")).isNull();
        }
    }

    @Test
    void everyApiResponseIsUncacheable() {
        JsonNodeHolder tokens = new JsonNodeHolder(api.login(api.newAccount()));
        assertThat(api.get("/api/v1/users/me", tokens.access()).header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.get("/api/v1/sessions/me", tokens.access()).header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.refresh()))
                .header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void corsIsOffByDefault() {
        Reply preflight = api.raw("OPTIONS", "/api/v1/auth/login", null, null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Reply simple = api.raw("GET", "/health", null, null, Map.of("Origin", "https://evil.example"));
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    record JsonNodeHolder(com.fasterxml.jackson.databind.JsonNode node) {
        String access() {
            return node.get("access_token").asText();
        }

        String refresh() {
            return node.get("refresh_token").asText();
        }
    }
}
