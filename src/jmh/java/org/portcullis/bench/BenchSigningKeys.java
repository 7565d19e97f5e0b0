package org.portcullis.bench;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.portcullis.TokenSigning;
import org.portcullis.config.TokenSettings;
import org.portcullis.db.AuditDao;
import org.portcullis.db.SchemaMigrator;
import org.portcullis.db.SigningKeyDao;
import org.portcullis.db.Transactions;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.SigningKeys;
import org.portcullis.service.AuditTrail;
import org.portcullis.service.KeyPairs;
import org.portcullis.service.KeyRing;
import org.portcullis.service.KeyRotation;
import org.portcullis.service.KeySealing;
import org.portcullis.service.TokenKeys;
import org.portcullis.service.TokenService;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token service of an algorithm as the app builds it: for ES256 and RS256 the production key ring
 * over a real {@code signing_keys} table (an in-memory H2 database migrated by the app's changelog, the
 * first key made by the app's rotation and sealed under a random key-encryption key); for HS256 JWT_SECRET's
 * bytes, or a random key. Only where the table lives differs from the service; the signing and verifying
 * path is the production one, key lookup by kid included.
 */
final class BenchSigningKeys {
    private BenchSigningKeys() {
    }

    /**
     * The keys of each algorithm, made once per JVM: every benchmark method builds its own states, and a
     * Liquibase migration per state (three per method) cost a fork of the A/B gate ~25 s of set-up. The ring
     * is only read while measuring, so sharing it changes nothing that is measured.
     */
    private static final Map<SigningAlgorithm, TokenKeys> KEYS = new ConcurrentHashMap<>();

    static TokenService tokenService(TokenSettings settings, SigningAlgorithm algorithm, Clock clock) {
        TokenKeys keys = KEYS.computeIfAbsent(algorithm, a -> keys(settings, a, clock));
        return TokenSigning.tokenService(settings, keys, clock);
    }

    private static TokenKeys keys(TokenSettings settings, SigningAlgorithm algorithm, Clock clock) {
        if (!algorithm.isAsymmetric()) {
            return TokenKeys.sharedSecret(SigningKeys.fromSecret(settings.getSecret()));
        }
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:bench-keys-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
                .installPlugin(new SqlObjectPlugin());
        SchemaMigrator.migrate(jdbi);
        byte[] kek = new byte[KeySealing.KEY_BYTES];
        new SecureRandom().nextBytes(kek);
        KeyPairs pairs = new KeyPairs(algorithm, new KeySealing(kek));
        SigningKeyDao dao = jdbi.onDemand(SigningKeyDao.class);
        KeyRing ring = new KeyRing(dao, pairs, settings.keyRetention(), settings.keySigningGrace(), clock);
        new KeyRotation(new Transactions(jdbi), dao, pairs, ring, settings.getKeyRotation().toJavaDuration(),
                settings.getKeyPublishAhead().toJavaDuration(), settings.keyRetention(),
                new AuditTrail(jdbi.onDemand(AuditDao.class)), clock).maintain();
        return ring;
    }
}
