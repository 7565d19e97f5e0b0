package org.portcullis.support;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.portcullis.db.SigningKeyDao;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.service.KeyPairs;
import org.portcullis.service.KeyRing;
import org.portcullis.service.KeySealing;
import org.portcullis.service.TokenService;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * A token signer holding a test app's own private signing key, read from its database and opened with the
 * tests' key-encryption key: what an attacker who stole both would have. Tests use it to forge tokens that
 * verify (expired ones, ones for made-up sessions) and to look at the key table from outside.
 */
public final class AppKeys {
    private AppKeys() {
    }

    public static KeyRing ring(String databaseUrl) {
        KeyPairs pairs = new KeyPairs(SigningAlgorithm.RS256,
                new KeySealing(Base64.getDecoder().decode(TestApps.KEY_ENCRYPTION_KEY)));
        KeyRing ring = new KeyRing(Jdbi.create(databaseUrl).installPlugin(new SqlObjectPlugin()).onDemand(SigningKeyDao.class), pairs,
                Duration.ofDays(8), Duration.ofSeconds(35), Clock.systemUTC());
        ring.reload();
        return ring;
    }

    /** Signs as the app at {@code databaseUrl} signs now (config.yml's issuer, no verified-token memory). */
    public static TokenService forger(String databaseUrl) {
        return new TokenService(ring(databaseUrl), "http://localhost:8080", Duration.ofMinutes(15),
                Duration.ofDays(7), Duration.ofSeconds(30), 0, Clock.systemUTC());
    }
}
