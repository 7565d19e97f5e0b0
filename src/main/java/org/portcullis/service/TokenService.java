package org.portcullis.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.InvalidKeyException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.portcullis.domain.Account;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.IssuedTokens;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.TokenClaims;
import org.portcullis.domain.TokenType;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs and verifies Portcullis JWTs with the one configured algorithm. The parser's algorithm list is cut
 * down to that algorithm, so a token that names {@code none}, HS256 under a published public key (the
 * algorithm-confusion attack) or any other algorithm fails before a key is consulted. Every token names
 * its key in the header ({@code kid}); the key comes from {@link TokenKeys}, so a key that is withdrawn
 * stops verifying. Verification also insists on the issuer, an expiry, and the expected {@code type}, so a
 * refresh token can never pass as an access token or the reverse.
 *
 * <p>A client sends the same access token with every request for its whole lifetime, and parsing and
 * checking it with jjwt was a quarter of the CPU of a GET users/me under HS256 (an RS256 verification costs
 * several times more, an ES256 one a hundred times). So access tokens that verified are remembered, by their exact text, in a bounded cache: the
 * same string cannot verify differently later, except by expiring, which a hit checks against the clock
 * with the same leeway, or by its key being withdrawn, which a hit checks with one map lookup. Whether the
 * token's session is still live is not cached here; the authenticator asks for it on every request.
 */
public final class TokenService {
    static final String SESSION_CLAIM = "sid";
    static final String TYPE_CLAIM = "type";
    /**
     * The {@code typ} header of refresh tokens (RFC 8725 §3.11, explicit typing). Refresh tokens are signed by
     * the published keys too, so a resource server that checks only the signature would take one for an
     * access token; Nimbus's default type check (hence Spring Security's) accepts only {@code JWT} or none,
     * so this header makes every such verifier refuse a refresh token as a bearer token.
     */
    static final String REFRESH_MEDIA_TYPE = "refresh+jwt";

    private final TokenKeys keys;
    private final SecureDigestAlgorithm<Key, ?> algorithm;
    private final String issuer;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Clock clock;
    private final JwtParser accessParser;
    private final JwtParser refreshParser;
    private final Duration leeway;
    private final Cache<String, TokenClaims> verifiedAccessTokens;

    /** @param verifiedCacheSize access tokens remembered as verified (0: none, every request parses) */
    public TokenService(TokenKeys keys, String issuer, Duration accessLifetime, Duration refreshLifetime,
                        Duration clockLeeway, int verifiedCacheSize, Clock clock) {
        this.keys = keys;
        this.algorithm = jws(keys.algorithm());
        this.issuer = issuer;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
        this.accessParser = parserFor(TokenType.ACCESS, clockLeeway);
        this.refreshParser = parserFor(TokenType.REFRESH, clockLeeway);
        this.leeway = clockLeeway;
        // Eviction runs on the calling thread: no background pool for a cache this small.
        this.verifiedAccessTokens = Caffeine.newBuilder()
                .maximumSize(verifiedCacheSize)
                .executor(Runnable::run)
                .build();
    }

    /** HS256 under {@code secret}: a single service verifying its own tokens (and the tests' forgeries). */
    public TokenService(byte[] secret, String issuer, Duration accessLifetime, Duration refreshLifetime,
                        Duration clockLeeway, int verifiedCacheSize, Clock clock) {
        this(TokenKeys.sharedSecret(secret), issuer, accessLifetime, refreshLifetime, clockLeeway,
                verifiedCacheSize, clock);
    }

    @SuppressWarnings("unchecked")
    private static SecureDigestAlgorithm<Key, ?> jws(SigningAlgorithm algorithm) {
        Object jws = switch (algorithm) {
            case ES256 -> Jwts.SIG.ES256;
            case RS256 -> Jwts.SIG.RS256;
            case HS256 -> Jwts.SIG.HS256;
        };
        return (SecureDigestAlgorithm<Key, ?>) jws;
    }

    private JwtParser parserFor(TokenType type, Duration leeway) {
        return Jwts.parser()
                .sig().clear().add(algorithm).and()
                .keyLocator(new LocatorAdapter<>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        Key key;
                        try {
                            key = keys.verificationKey(header.getKeyId());
                        } catch (RuntimeException unreadable) {
                            // the key table could not be read again (a row this instance cannot open, the
                            // database away): the token is refused, as for an unknown kid, not a 500
                            throw new InvalidKeyException("no key to verify with");
                        }
                        if (key == null) {
                            throw new InvalidKeyException("unknown kid");
                        }
                        return key;
                    }
                })
                .requireIssuer(issuer)
                .require(TYPE_CLAIM, type.claim())
                .clockSkewSeconds(leeway.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public String issuer() {
        return issuer;
    }

    /** A new access and refresh token for one session of {@code account}; the refresh token's jti is freshly random. */
    public IssuedTokens issue(Account account, UUID sessionId) {
        return issue(account, sessionId, Instant.MAX);
    }

    /**
     * As {@link #issue(Account, UUID)} for a session that ends at {@code sessionEnds}: the refresh token
     * expires then at the latest, so it never outlives its session. The access token keeps its full
     * lifetime; it is refused anyway once its session is no longer live.
     */
    public IssuedTokens issue(Account account, UUID sessionId, Instant sessionEnds) {
        Instant now = clock.instant();
        Instant accessExpiry = now.plus(accessLifetime);
        Instant fullRefresh = now.plus(refreshLifetime);
        Instant refreshExpiry = fullRefresh.isAfter(sessionEnds) ? sessionEnds : fullRefresh;
        UUID refreshJti = UUID.randomUUID();
        TokenKeys.ActiveKey key = keys.signingKey();
        String access = sign(key, account.id(), sessionId, UUID.randomUUID(), TokenType.ACCESS, now, accessExpiry);
        String refresh = sign(key, account.id(), sessionId, refreshJti, TokenType.REFRESH, now, refreshExpiry);
        return new IssuedTokens(account, access, refresh, refreshJti, accessLifetime.toSeconds(), refreshExpiry);
    }

    public String sign(UUID userId, UUID sessionId, UUID tokenId, TokenType type, Instant issuedAt,
                       Instant expiresAt) {
        return sign(keys.signingKey(), userId, sessionId, tokenId, type, issuedAt, expiresAt);
    }

    private String sign(TokenKeys.ActiveKey key, UUID userId, UUID sessionId, UUID tokenId, TokenType type,
                        Instant issuedAt, Instant expiresAt) {
        return Jwts.builder()
                .header().keyId(key.kid()).type(type == TokenType.REFRESH ? REFRESH_MEDIA_TYPE : "JWT").and()
                .issuer(issuer)
                .subject(userId.toString())
                .id(tokenId.toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .claim(TYPE_CLAIM, type.claim())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .signWith(key.key(), algorithm)
                .compact();
    }

    /** Verifies an access token; any flaw gives {@link DomainException#invalidToken()}. */
    public TokenClaims verifyAccess(String token) {
        TokenClaims known = verifiedAccessTokens.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt().plus(leeway))
                    || keys.verificationKey(known.keyId()) == null) {
                verifiedAccessTokens.invalidate(token);
                throw DomainException.invalidToken();
            }
            return known;
        }
        TokenClaims claims = verify(accessParser, token, TokenType.ACCESS);
        verifiedAccessTokens.put(token, claims);
        return claims;
    }

    /** Verifies a refresh token; any flaw gives {@link DomainException#invalidToken()}. */
    public TokenClaims verifyRefresh(String token) {
        return verify(refreshParser, token, TokenType.REFRESH);
    }

    private TokenClaims verify(JwtParser parser, String token, TokenType type) {
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            Claims claims = jws.getPayload();
            Date expiry = claims.getExpiration();
            Date issued = claims.getIssuedAt();
            if (expiry == null || issued == null) {
                throw DomainException.invalidToken();
            }
            // A token never lives longer than its type's lifetime, and its key signs only in its own period: a
            // token claiming more was made with a stolen key, and would otherwise outlive the key's retirement.
            Duration lifetime = type == TokenType.ACCESS ? accessLifetime : refreshLifetime;
            String kid = jws.getHeader().getKeyId();
            if (Duration.between(issued.toInstant(), expiry.toInstant()).compareTo(lifetime) > 0
                    || !keys.signedDuringItsPeriod(kid, issued.toInstant())) {
                throw DomainException.invalidToken();
            }
            return new TokenClaims(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.get(SESSION_CLAIM, String.class)),
                    UUID.fromString(claims.getId()),
                    type,
                    jws.getHeader().getKeyId(),
                    issued.toInstant(),
                    expiry.toInstant());
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            // IllegalArgumentException: a missing or malformed sub/sid/jti; NPE: a claim that is absent.
            throw DomainException.invalidToken();
        }
    }
}
