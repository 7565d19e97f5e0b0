package org.portcullis.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What another service sees of Portcullis tokens, checked with a JOSE library nobody here wrote (Nimbus,
 * under Spring Security's resource-server support): the metadata leads to the JWKS, tokens verify through
 * it before and after a rotation, introspection and revocation answer as RFC 7662 and RFC 7009 say, and the
 * algorithm-confusion forgeries are refused.
 */
abstract class TokenVerificationContract extends AppOnDatabase {
    static final String CLIENT = "orders-service";
    static final String CLIENT_SECRET = "a-resource-server-secret-of-40-characters";

    private Api api;
    private Api admin;
    private String base;

    protected TokenVerificationContract(DatabaseExtension db) {
        this(db, FreePort.pick());
    }

    private TokenVerificationContract(DatabaseExtension db, int port) {
        super(db, settings(port));
    }

    /** The issuer is the service's external URL, so the app must listen where its metadata says it does. */
    private static Map<String, String> settings(int port) {
        Map<String, String> settings = new HashMap<>();
        settings.put("server.applicationConnectors[0].port", String.valueOf(port));
        settings.put("tokens.issuer", "http://127.0.0.1:" + port);
        settings.put("tokens.introspection.clients." + CLIENT, CLIENT_SECRET);
        return settings;
    }


    @BeforeEach
    void clients() {
        api = new Api(app().getLocalPort());
        admin = new Api(app().getAdminPort());
        base = "http://127.0.0.1:" + app().getLocalPort();
    }

    private ResourceServer resourceServer() throws Exception {
        return ResourceServer.discover(base + "/.well-known/oauth-authorization-server");
    }

    @Test
    void theMetadataNamesTheIssuerAndEveryEndpointUnderIt() {
        JsonNode metadata = api.get("/.well-known/oauth-authorization-server", null).expect(200).json();
        assertThat(metadata.get("issuer").asText()).isEqualTo(base);
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(metadata.get("introspection_endpoint").asText()).isEqualTo(base + "/oauth2/introspect");
        assertThat(metadata.get("revocation_endpoint").asText()).isEqualTo(base + "/oauth2/revoke");
        assertThat(metadata.get("introspection_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"client_secret_basic\"]");
    }

    @Test
    void theJwksPublishesPublicKeysOnlyWithAShortCacheLifetime() {
        Api.Reply reply = api.get("/.well-known/jwks.json", null).expect(200);
        JsonNode key = reply.json().get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.has("p")).as("a private prime").isFalse();
        assertThat(key.has("d")).as("the private exponent").isFalse();
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(reply.header("Cache-Control")).isEqualTo("max-age=300");
    }

    @Test
    void theAdminMetricsCountTheKeysByStateAndAgeTheActiveOne() {
        JsonNode gauges = admin.get("/metrics", null).expect(200).json().get("gauges");
        assertThat(gauges.get("portcullis.signing-keys.active").get("value").asLong()).isEqualTo(1);
        assertThat(gauges.get("portcullis.signing-keys.next").get("value").asLong()).isZero();
        assertThat(gauges.get("portcullis.signing-keys.active-age-seconds").get("value").asLong())
                .isBetween(0L, 3600L);
    }

    @Test
    void aResourceServerVerifiesAnAccessTokenThroughTheJwks() throws Exception {
        String email = api.newAccount();
        JsonNode login = api.login(email);
        JWTClaimsSet claims = resourceServer().verify(login.get("access_token").asText());
        assertThat(claims.getIssuer()).isEqualTo(base);
        assertThat(claims.getSubject()).isEqualTo(login.get("user").get("id").asText());
        assertThat(claims.getStringClaim("type")).isEqualTo("access");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
    }

    @Test
    void aResourceServerRefusesARefreshTokenAsABearerToken() throws Exception {
        String refresh = api.login(api.newAccount()).get("refresh_token").asText();
        assertThat(header(refresh).get("typ").asText()).isEqualTo("refresh+jwt");
        assertThatThrownBy(() -> resourceServer().verify(refresh)).hasMessageContaining("type");
    }

    @Test
    void afterARotationNewTokensCarryTheNewKidAndOldOnesStillVerifyAndWork() throws Exception {
        ResourceServer server = resourceServer();
        String old = api.login(api.newAccount()).get("access_token").asText();
        String oldKid = kid(old);
        server.verify(old);

        String answer = task("rotate-signing-key");
        String fresh = api.login(api.newAccount()).get("access_token").asText();
        String newKid = kid(fresh);
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(answer).contains(newKid).contains(oldKid + " is retired");
        assertThat(kids()).contains(oldKid, newKid);

        server.verify(fresh);
        server.verify(old);
        api.get("/api/v1/users/me", old).expect(200);
        api.get("/api/v1/users/me", fresh).expect(200);
    }

    @Test
    void withdrawingTheCurrentKeyKillsItsTokensAtOnce() throws Exception {
        String login = api.newAccount();
        JsonNode tokens = api.login(login);
        String access = tokens.get("access_token").asText();
        api.get("/api/v1/users/me", access).expect(200);
        String withdrawn = kid(access);

        assertThat(task("rotate-signing-key?retire-current=true")).contains(withdrawn + " is withdrawn");

        api.get("/api/v1/users/me", access).expect(401);
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.get("refresh_token").asText())).expect(401);
        assertThat(kids()).doesNotContain(withdrawn);
        assertThat(introspect(access, null).get("active").asBoolean()).isFalse();
        String fresh = api.login(login).get("access_token").asText();
        api.get("/api/v1/users/me", fresh).expect(200);
        resourceServer().verify(fresh);
    }

    @Test
    void introspectionSaysActiveForLiveTokensAndInactiveOnceRevoked() {
        JsonNode login = api.login(api.newAccount());
        String access = login.get("access_token").asText();
        String refresh = login.get("refresh_token").asText();

        JsonNode live = introspect(access, null);
        assertThat(live.get("active").asBoolean()).isTrue();
        assertThat(live.get("sub").asText()).isEqualTo(login.get("user").get("id").asText());
        assertThat(live.get("iss").asText()).isEqualTo(base);
        assertThat(live.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(live.get("client_id").asText()).isEqualTo(CLIENT);
        assertThat(live.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(live.get("iat").asLong()).isLessThanOrEqualTo(Instant.now().getEpochSecond());
        JsonNode liveRefresh = introspect(refresh, "refresh_token");
        assertThat(liveRefresh.get("active").asBoolean()).isTrue();
        assertThat(liveRefresh.get("token_type").asText()).isEqualTo("refresh_token");
        assertThat(liveRefresh.get("sid").asText()).isEqualTo(live.get("sid").asText());

        Api.Reply revoked = form("/oauth2/revoke", "token=" + encode(refresh), basic(CLIENT, CLIENT_SECRET));
        revoked.expect(200);

        assertThat(introspect(access, null).toString()).isEqualTo("{\"active\":false}");
        assertThat(introspect(refresh, "refresh_token").toString()).isEqualTo("{\"active\":false}");
        api.get("/api/v1/users/me", access).expect(401);
    }

    @Test
    void aSpentRefreshTokenIsInactiveWithoutRevokingTheSession() {
        JsonNode login = api.login(api.newAccount());
        String spent = login.get("refresh_token").asText();
        JsonNode next = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", spent)).expect(200).json();

        assertThat(introspect(spent, "refresh_token").get("active").asBoolean()).isFalse();
        assertThat(introspect(next.get("refresh_token").asText(), null).get("active").asBoolean())
                .as("a resource server asking is no replay").isTrue();
    }

    @Test
    void unknownMalformedAndForeignTokensAreInactiveAndRevokingThemIs200() {
        for (String token : new String[]{"not-a-jwt", "a.b.c", forgedHs256WithThePublishedKey(), unsigned()}) {
            assertThat(introspect(token, null).toString()).as(token).isEqualTo("{\"active\":false}");
            form("/oauth2/revoke", "token=" + encode(token), basic(CLIENT, CLIENT_SECRET)).expect(200);
        }
    }

    @Test
    void wrongOrMissingClientCredentialsGet401WithABasicChallenge() {
        String access = api.newAccessToken();
        for (String authorization : new String[]{basic(CLIENT, CLIENT_SECRET + "x"), basic("someone-else", CLIENT_SECRET),
                null, "Bearer " + access, "Basic !!!"}) {
            Api.Reply reply = form("/oauth2/introspect", "token=" + encode(access), authorization);
            reply.expect(401);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"portcullis\"");
            assertThat(reply.json().get("code").asInt()).isEqualTo(401);
            form("/oauth2/revoke", "token=" + encode(access), authorization).expect(401);
        }
        api.get("/api/v1/users/me", access).expect(200);
    }

    @Test
    void aMissingOrRepeatedTokenIs400AndJsonIs415() {
        assertThat(form("/oauth2/introspect", "token_type_hint=access_token", basic(CLIENT, CLIENT_SECRET))
                .expect(400).json().get("message").asText()).isEqualTo("token is required");
        form("/oauth2/introspect", "token=a&token=b", basic(CLIENT, CLIENT_SECRET)).expect(400);
        api.raw("POST", "/oauth2/introspect", "application/json", "{\"token\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", basic(CLIENT, CLIENT_SECRET))).expect(415);
    }

    @Test
    void aFormInACharsetNobodyKnowsIs415NotAServerError() {
        for (String path : new String[]{"/oauth2/introspect", "/oauth2/revoke"}) {
            Api.Reply unknown = formInCharset(path, "nope");
            unknown.expect(415);
            assertThat(unknown.json().get("message").asText()).isEqualTo("Unsupported charset: send UTF-8");
            // A name no charset can have is refused before the body is read (400); either way no 500.
            Api.Reply illegal = formInCharset(path, "x y");
            assertThat(illegal.status()).isBetween(400, 415);
            assertThat(illegal.json().get("code").asInt()).isEqualTo(illegal.status());
        }
    }

    private Api.Reply formInCharset(String path, String charset) {
        return api.send(api.request(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=" + charset)
                .POST(HttpRequest.BodyPublishers.ofString("token=x")));
    }

    @Test
    void forgedHs256WithThePublishedKeyAndUnsignedTokensAre401AtUsersMe() throws Exception {
        api.get("/api/v1/users/me", forgedHs256WithThePublishedKey()).expect(401);
        api.get("/api/v1/users/me", unsigned()).expect(401);
        assertThatThrownBy(() -> resourceServer().verify(forgedHs256WithThePublishedKey())).isInstanceOf(Exception.class);
    }

    /**
     * The algorithm-confusion attack: an HS256 token whose HMAC key is the service's published public key
     * (its X.509 encoding, as a verifier that feeds "the key" to whatever algorithm the header names would
     * use), for a real user and session, with the real kid.
     */
    private String forgedHs256WithThePublishedKey() {
        JsonNode login = api.login(api.newAccount());
        String access = login.get("access_token").asText();
        JsonNode claims = payload(access);
        try {
            JsonNode jwk = api.get("/.well-known/jwks.json", null).json().get("keys").get(0);
            PublicKey published = (PublicKey) io.jsonwebtoken.security.Jwks.parser().build().parse(jwk.toString()).toKey();
            byte[] encoded = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(published.getEncoded())).getEncoded();
            return Jwts.builder().header().keyId(kid(access)).and().issuer(base).subject(claims.get("sub").asText())
                    .id(UUID.randomUUID().toString()).claim("sid", claims.get("sid").asText()).claim("type", "access")
                    .issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600)))
                    .signWith(Keys.hmacShaKeyFor(pad(encoded)), Jwts.SIG.HS256).compact();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 needs 32 bytes; a 2048-bit RSA public key encodes in 294. */
    private static byte[] pad(byte[] key) {
        return key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    }

    /** {@code alg: none} with a real user's claims. */
    private String unsigned() {
        JsonNode login = api.login(api.newAccount());
        String access = login.get("access_token").asText();
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + kid(access) + "\"}");
        return header + "." + access.split("\\.")[1] + ".";
    }

    private JsonNode introspect(String token, String hint) {
        String body = "token=" + encode(token) + (hint == null ? "" : "&token_type_hint=" + hint);
        Api.Reply reply = form("/oauth2/introspect", body, basic(CLIENT, CLIENT_SECRET)).expect(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        return reply.json();
    }

    private Api.Reply form(String path, String body, String authorization) {
        HttpRequest.Builder request = api.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request);
    }

    private String task(String pathAndQuery) {
        return admin.send(admin.request("/tasks/" + pathAndQuery, null).POST(HttpRequest.BodyPublishers.noBody()))
                .expect(200).body();
    }

    private java.util.List<String> kids() {
        java.util.List<String> kids = new java.util.ArrayList<>();
        api.get("/.well-known/jwks.json", null).expect(200).json().get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    static String kid(String token) {
        return header(token).get("kid").asText();
    }

    private static JsonNode header(String token) {
        return parse(token.split("\\.")[0]);
    }

    private static JsonNode payload(String token) {
        return parse(token.split("\\.")[1]);
    }

    private static JsonNode parse(String part) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(id) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
