package org.portcullis.service;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;
import org.portcullis.domain.Account;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.TokenClaims;
import org.portcullis.domain.IssuedTokens;
import org.portcullis.domain.TokenType;
import org.portcullis.support.SettableClock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {
    private static final byte[] SECRET = "a-64-byte-secret-so-that-hs512-would-be-possible-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenService tokens = service(SECRET, clock);
    private final UUID user = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final Account account = new Account(user, "ada@example.org", "$2a$12$hash", "Ada", null, true, false,
            NOW, NOW, null, false);

    private static TokenService service(byte[] secret, Clock clock) {
        return new TokenService(secret, "portcullis", Duration.ofMinutes(15), Duration.ofDays(7),
                Duration.ofSeconds(30), 16, clock);
    }

    @Test
    void anIssuedPairVerifiesEachTokenOnlyAsItsOwnType() {
        IssuedTokens pair = tokens.issue(account, session);

        TokenClaims access = tokens.verifyAccess(pair.accessToken());
        TokenClaims refresh = tokens.verifyRefresh(pair.refreshToken());
        assertThat(access.userId()).isEqualTo(user);
        assertThat(access.sessionId()).isEqualTo(session);
        assertThat(access.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(refresh.tokenId()).isEqualTo(pair.refreshJti());
        assertThat(refresh.expiresAt()).isEqualTo(pair.refreshExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(pair.accessExpiresInSeconds()).isEqualTo(900);

        assertThatThrownBy(() -> tokens.verifyRefresh(pair.accessToken())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> tokens.verifyAccess(pair.refreshToken())).isInstanceOf(DomainException.class);
    }

    @Test
    void aRefreshTokenExpiresWithItsSessionWhenTheSessionEndsFirst() {
        Instant sessionEnds = NOW.plus(Duration.ofDays(2));
        IssuedTokens capped = tokens.issue(account, session, sessionEnds);
        assertThat(capped.refreshExpiresAt()).isEqualTo(sessionEnds);
        assertThat(tokens.verifyRefresh(capped.refreshToken()).expiresAt()).isEqualTo(sessionEnds);

        IssuedTokens uncapped = tokens.issue(account, session, NOW.plus(Duration.ofDays(30)));
        assertThat(uncapped.refreshExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"iss\":\"portcullis\",\"sub\":\"" + user + "\",\"sid\":\"" + session
                + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"type\":\"access\",\"exp\":"
                + NOW.plusSeconds(600).getEpochSecond() + "}");
        assertThatThrownBy(() -> tokens.verifyAccess(header + "." + payload + "."))
                .isInstanceOf(DomainException.class).hasMessage("Invalid or expired token");
    }

    @Test
    void aTokenSignedWithHs512AndTheSameSecretIsRejected() {
        String hs512 = Jwts.builder().issuer("portcullis").subject(user.toString()).id(UUID.randomUUID().toString())
                .claim("sid", session.toString()).claim("type", "access")
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS512).compact();
        assertThatThrownBy(() -> tokens.verifyAccess(hs512)).isInstanceOf(DomainException.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        TokenService other = service("another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8), clock);
        String forged = other.issue(account, session).accessToken();
        assertThatThrownBy(() -> tokens.verifyAccess(forged)).isInstanceOf(DomainException.class);
    }

    @Test
    void expiryIsEnforcedBeyondTheThirtySecondLeewayOnly() {
        String token = tokens.sign(user, session, UUID.randomUUID(), TokenType.ACCESS, NOW.minusSeconds(900),
                NOW.minusSeconds(20));
        assertThat(tokens.verifyAccess(token).userId()).isEqualTo(user);

        String expired = tokens.sign(user, session, UUID.randomUUID(), TokenType.ACCESS, NOW.minusSeconds(900),
                NOW.minusSeconds(31));
        assertThatThrownBy(() -> tokens.verifyAccess(expired)).isInstanceOf(DomainException.class);
    }

    @Test
    void aTokenWithoutExpiryIsRejected() {
        String eternal = Jwts.builder().issuer("portcullis").subject(user.toString()).id(UUID.randomUUID().toString())
                .claim("sid", session.toString()).claim("type", "access")
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
        assertThatThrownBy(() -> tokens.verifyAccess(eternal)).isInstanceOf(DomainException.class);
    }

    @Test
    void aTokenOfAnotherIssuerOrWithoutASessionIsRejected() {
        String foreign = Jwts.builder().issuer("someone-else").subject(user.toString()).id(UUID.randomUUID().toString())
                .claim("sid", session.toString()).claim("type", "access").expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
        String sessionless = Jwts.builder().issuer("portcullis").subject(user.toString()).id(UUID.randomUUID().toString())
                .claim("type", "access").expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
        assertThatThrownBy(() -> tokens.verifyAccess(foreign)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> tokens.verifyAccess(sessionless)).isInstanceOf(DomainException.class);
    }

    @Test
    void aRememberedAccessTokenStillExpiresAfterTheLeeway() {
        SettableClock now = new SettableClock(NOW);
        TokenService remembering = service(SECRET, now);
        String token = remembering.issue(account, session).accessToken();
        assertThat(remembering.verifyAccess(token).sessionId()).isEqualTo(session);

        now.set(NOW.plus(Duration.ofMinutes(15)).plusSeconds(30));
        assertThat(remembering.verifyAccess(token).sessionId()).isEqualTo(session);
        now.set(NOW.plus(Duration.ofMinutes(15)).plusSeconds(31));
        assertThatThrownBy(() -> remembering.verifyAccess(token)).isInstanceOf(DomainException.class);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRejected() {
        String token = tokens.issue(account, session).accessToken();
        tokens.verifyAccess(token);

        // A character inside the signature (the last one carries padding bits that may not count).
        int at = token.length() - 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        String payloadSwapped = token.substring(0, token.indexOf('.') + 1)
                + base64("{\"iss\":\"portcullis\",\"sub\":\"" + UUID.randomUUID() + "\",\"sid\":\"" + session
                + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"type\":\"access\",\"exp\":"
                + NOW.plusSeconds(600).getEpochSecond() + "}")
                + token.substring(token.lastIndexOf('.'));
        assertThatThrownBy(() -> tokens.verifyAccess(tampered)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> tokens.verifyAccess(payloadSwapped)).isInstanceOf(DomainException.class);
        assertThat(tokens.verifyAccess(token).userId()).isEqualTo(user);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
