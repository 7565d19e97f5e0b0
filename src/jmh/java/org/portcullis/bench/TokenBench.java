package org.portcullis.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.TokenClaims;
import org.portcullis.domain.TokenType;
import org.portcullis.service.TokenService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/*
 * What: signing one access token, signing one refresh token, and verifying one access token, with
 * TokenService built from config.yml the way the app builds it (its algorithm and keys, issuer, lifetimes,
 * leeway), in microseconds per operation; and signing and verifying under each algorithm Portcullis offers
 * (signRs256/verifyRs256, …Es256, …Hs256), which is how config.yml's default was chosen.
 *
 * Why: every authenticated request verifies a token and every login or refresh signs two, so these are the
 * per-request crypto tax on top of the database. The signing benches do what TokenService.issue does
 * for each token: read the clock, draw a random jti (SecureRandom), build the claims, sign and encode.
 *
 * What could make the number lie:
 *  - Dead code: a token nobody reads could be dropped by the JIT; every method returns its result, which
 *    JMH consumes.
 *  - Constant folding: the user and session ids are @State fields, and each call draws a new jti and a new
 *    "now", so no two signed tokens are equal and nothing can be computed once.
 *  - Caching: jjwt keeps no token cache; the verified token is the same string every call, which is also
 *    the production shape (a client resends its token), and the parse still runs in full.
 *  - Warmup: jjwt's builder and parser (Jackson, Base64, HMAC) take a few seconds of JIT on 2 busy
 *    cores; the first seconds run several times slower than the rest, hence 3 warmup seconds per fork.
 *  - One fork is not a measurement: single forks of these benches have differed 3.5x between unchanged
 *    runs (what the JIT inlined, where objects landed). Three short forks give the comparator three samples.
 *  - Expiry: the verified token is signed once in setup with the configured access lifetime (15 min). A run
 *    longer than that would turn the bench into "reject an expired token", which is cheaper; the first
 *    failure throws instead of measuring it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgs = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.GC})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class TokenBench {
    private TokenService tokens;
    private Clock clock;
    private Duration accessLifetime;
    private Duration refreshLifetime;
    private UUID userId;
    private UUID sessionId;
    private String accessToken;
    private TokenService firstSight;
    private String unseenAccessToken;

    @Setup
    public void setUp() {
        PortcullisConfiguration config = ProductionConfig.load();
        tokens = ProductionConfig.tokenService(config);
        clock = ProductionConfig.clock();
        accessLifetime = config.getTokens().getAccessTokenLifetime().toJavaDuration();
        refreshLifetime = config.getTokens().getRefreshTokenLifetime().toJavaDuration();
        userId = UUID.randomUUID();
        sessionId = UUID.randomUUID();
        accessToken = accessTokenFrom(tokens);
        // The same production settings without the verified-token cache: every call is a token's first use.
        PortcullisConfiguration uncached = ProductionConfig.load();
        uncached.getTokens().setVerifiedCacheSize(0);
        firstSight = ProductionConfig.tokenService(uncached);
        unseenAccessToken = accessTokenFrom(firstSight);
    }

    @Benchmark
    public String createAccessToken() {
        return accessTokenFrom(tokens);
    }

    private String accessTokenFrom(TokenService service) {
        Instant now = clock.instant();
        return service.sign(userId, sessionId, UUID.randomUUID(), TokenType.ACCESS, now, now.plus(accessLifetime));
    }

    @Benchmark
    public String createRefreshToken() {
        Instant now = clock.instant();
        return tokens.sign(userId, sessionId, UUID.randomUUID(), TokenType.REFRESH, now, now.plus(refreshLifetime));
    }

    /**
     * A token the service has not verified before: jjwt's parse, the HMAC and the claim checks. Each
     * access token costs this once (and again if the cache has evicted it).
     */
    @Benchmark
    public TokenClaims verifyAccessToken() {
        return firstSight.verifyAccess(unseenAccessToken);
    }

    /**
     * The same token again, as a client sends it with each request for its lifetime: config.yml's
     * verified-token cache answers, after an expiry check.
     */
    @Benchmark
    public TokenClaims verifyRememberedAccessToken() {
        return tokens.verifyAccess(accessToken);
    }

    /**
     * One algorithm's service without the verified-token memory, its keys made as the app makes them, and a
     * token it signed. One state class per algorithm, so a bench builds only the keys it uses. (Not a JMH
     * {@code @Param}: the A/B gate pairs samples by benchmark name, and plain names read better in its report.)
     */
    public abstract static class Signer {
        TokenService service;
        String token;
        Duration lifetime;
        Clock clock;

        abstract SigningAlgorithm algorithm();

        @Setup
        public void setUp() {
            PortcullisConfiguration config = ProductionConfig.load();
            config.getTokens().setVerifiedCacheSize(0);
            clock = ProductionConfig.clock();
            lifetime = config.getTokens().getAccessTokenLifetime().toJavaDuration();
            service = BenchSigningKeys.tokenService(config.getTokens(), algorithm(), clock);
            token = sign(UUID.randomUUID(), UUID.randomUUID());
        }

        String sign(UUID userId, UUID sessionId) {
            Instant now = clock.instant();
            return service.sign(userId, sessionId, UUID.randomUUID(), TokenType.ACCESS, now, now.plus(lifetime));
        }

        TokenClaims verify() {
            return service.verifyAccess(token);
        }
    }

    @State(Scope.Benchmark)
    public static class Rs256 extends Signer {
        @Override
        SigningAlgorithm algorithm() {
            return SigningAlgorithm.RS256;
        }
    }

    @State(Scope.Benchmark)
    public static class Es256 extends Signer {
        @Override
        SigningAlgorithm algorithm() {
            return SigningAlgorithm.ES256;
        }
    }

    @State(Scope.Benchmark)
    public static class Hs256 extends Signer {
        @Override
        SigningAlgorithm algorithm() {
            return SigningAlgorithm.HS256;
        }
    }

    /** A new RS256 access token (2048-bit RSA, private-key operation): what a login or refresh pays twice. */
    @Benchmark
    public String signRs256(Rs256 signer) {
        return signer.sign(userId, sessionId);
    }

    /** An RS256 token's first verification (public-key operation), as every resource server does per request. */
    @Benchmark
    public TokenClaims verifyRs256(Rs256 signer) {
        return signer.verify();
    }

    @Benchmark
    public String signEs256(Es256 signer) {
        return signer.sign(userId, sessionId);
    }

    @Benchmark
    public TokenClaims verifyEs256(Es256 signer) {
        return signer.verify();
    }

    @Benchmark
    public String signHs256(Hs256 signer) {
        return signer.sign(userId, sessionId);
    }

    @Benchmark
    public TokenClaims verifyHs256(Hs256 signer) {
        return signer.verify();
    }
}
