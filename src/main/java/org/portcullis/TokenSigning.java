package org.portcullis;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import org.portcullis.config.TokenSettings;
import org.portcullis.db.Storage;
import org.portcullis.domain.SigningKey;
import org.portcullis.domain.SigningKeys;
import org.portcullis.service.AuditTrail;
import org.portcullis.service.KeyPairs;
import org.portcullis.service.KeyRing;
import org.portcullis.service.KeyRotation;
import org.portcullis.service.KeySealing;
import org.portcullis.service.TokenKeys;
import org.portcullis.service.TokenService;
import org.portcullis.tasks.RotateSigningKeyTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The token signer of one instance, from {@code tokens:} in config.yml. RS256/ES256: the shared key ring
 * over {@code signing_keys}, filled and rotated at start and then every {@code keyRefresh} on a lifecycle
 * thread, with the rotation task and the key gauges on the admin port. HS256: JWT_SECRET's one key.
 *
 * @param keys     the ring of published keys; empty under HS256, which publishes nothing
 * @param rotation the rotation, for the task; empty under HS256
 */
public record TokenSigning(TokenService tokens, Optional<KeyRing> keys, Optional<KeyRotation> rotation) {
    private static final Logger LOG = LoggerFactory.getLogger(TokenSigning.class);

    static TokenSigning build(TokenSettings settings, Storage storage, AuditTrail audit, Clock clock,
                              Environment environment) {
        if (!settings.getAlgorithm().isAsymmetric()) {
            if (settings.getSecret().isEmpty()) {
                LOG.warn("JWT_SECRET is not set: using a random key for this process only. Tokens will not"
                        + " survive a restart and other instances will reject them.");
            }
            TokenKeys keys = TokenKeys.sharedSecret(SigningKeys.fromSecret(settings.getSecret()));
            return new TokenSigning(tokenService(settings, keys, clock), Optional.empty(), Optional.empty());
        }
        KeyPairs pairs = new KeyPairs(settings.getAlgorithm(), new KeySealing(keyEncryptionKey(settings)));
        Duration retention = settings.keyRetention();
        KeyRing ring = new KeyRing(storage.signingKeys(), pairs, retention, settings.keySigningGrace(), clock);
        KeyRotation rotation = new KeyRotation(storage.transactions(), storage.signingKeys(), pairs, ring,
                settings.getKeyRotation().toJavaDuration(), settings.getKeyPublishAhead().toJavaDuration(),
                retention, audit, clock);
        // At start, synchronously: the first request must find a key, and a key-encryption key that cannot
        // open the stored keys must stop the start here, with its message, not fail every login later.
        rotation.maintain();
        schedule(rotation, settings.getKeyRefresh().toJavaDuration(), environment);
        environment.admin().addTask(new RotateSigningKeyTask(rotation));
        registerGauges(environment.metrics(), ring, clock);
        return new TokenSigning(tokenService(settings, ring, clock), Optional.of(ring), Optional.of(rotation));
    }

    /** The token service over {@code keys}, with config.yml's issuer, lifetimes, leeway and verified-token memory. */
    public static TokenService tokenService(TokenSettings settings, TokenKeys keys, Clock clock) {
        return new TokenService(keys, settings.getIssuer(), settings.getAccessTokenLifetime().toJavaDuration(),
                settings.getRefreshTokenLifetime().toJavaDuration(), settings.getClockLeeway().toJavaDuration(),
                settings.getVerifiedCacheSize(), clock);
    }

    private static void schedule(KeyRotation rotation, Duration every, Environment environment) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("signing-keys-%d")
                .threads(1).build();
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                rotation.maintain();
            } catch (RuntimeException e) {
                // A database outage must not end the schedule (an exception would cancel it for good).
                LOG.warn("signing keys not refreshed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void registerGauges(MetricRegistry metrics, KeyRing ring, Clock clock) {
        for (SigningKey.State state : SigningKey.State.values()) {
            metrics.register("portcullis.signing-keys." + state.name().toLowerCase(), (Gauge<Long>) () ->
                    ring.published().stream().filter(k -> k.stateAt(clock.instant()) == state).count());
        }
        metrics.register("portcullis.signing-keys.active-age-seconds", (Gauge<Long>) () -> ring.active()
                .map(k -> Duration.between(k.activatesAt(), clock.instant()).toSeconds()).orElse(-1L));
    }

    /**
     * JWT_KEY_ENCRYPTION_KEY's 32 bytes; unset, the key in {@code keyEncryptionKeyFile}, made on first use.
     * A generated key is fine for one machine; instances that share a database must share the variable.
     */
    private static byte[] keyEncryptionKey(TokenSettings settings) {
        if (!settings.getKeyEncryptionKey().isEmpty()) {
            return Base64.getDecoder().decode(settings.getKeyEncryptionKey());
        }
        Path file = Path.of(settings.getKeyEncryptionKeyFile());
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] key = new byte[KeySealing.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Created owner-only, before a byte is written: no moment in which others may read it.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            LOG.warn("JWT_KEY_ENCRYPTION_KEY is not set: generated one in {}. Fine for one machine; instances"
                    + " sharing a database must all be given the same JWT_KEY_ENCRYPTION_KEY.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key-encryption key file " + file, e);
        }
    }
}
