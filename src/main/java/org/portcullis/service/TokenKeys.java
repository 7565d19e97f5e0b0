package org.portcullis.service;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import org.portcullis.domain.SigningAlgorithm;

import javax.crypto.SecretKey;
import java.security.Key;
import java.time.Instant;

/**
 * Where {@link TokenService} gets its keys: the one that signs now, and the one that verifies a token with a
 * given {@code kid}. {@link KeyRing} is the shared, rotating set of asymmetric keys; {@link #sharedSecret}
 * the single HS256 key of a service that verifies its own tokens only.
 */
public interface TokenKeys {
    SigningAlgorithm algorithm();

    /**
     * The key that signs at this moment.
     *
     * @throws IllegalStateException when no key is active (the key table is empty and cannot be filled)
     */
    ActiveKey signingKey();

    /**
     * The key that verifies tokens carrying {@code kid}, or null when no such key is accepted: unknown,
     * withdrawn, or past the time any token it signed could still be valid.
     */
    Key verificationKey(String kid);

    /**
     * True if the key {@code kid} could have signed a token issued at {@code issuedAt}: a key signs only in its
     * own period, so a token claiming another time was made with a stolen key, not by this service.
     */
    default boolean signedDuringItsPeriod(String kid, Instant issuedAt) {
        return true;
    }

    /** A signing key and the id every token it signs names in its header. */
    record ActiveKey(String kid, Key key) {
        @Override
        public String toString() {
            return "ActiveKey[kid=" + kid + "]";
        }
    }

    /**
     * HS256 under one secret (JWT_SECRET's bytes): the kid is the key's RFC 7638 thumbprint, a hash that
     * names the key without revealing it, so tokens carry a kid in every mode.
     */
    static TokenKeys sharedSecret(byte[] secret) {
        SecretKey key = Keys.hmacShaKeyFor(secret);
        ActiveKey active = new ActiveKey(Jwks.builder().key(key).idFromThumbprint().build().getId(), key);
        return new TokenKeys() {
            @Override
            public SigningAlgorithm algorithm() {
                return SigningAlgorithm.HS256;
            }

            @Override
            public ActiveKey signingKey() {
                return active;
            }

            @Override
            public Key verificationKey(String kid) {
                return active.kid().equals(kid) ? key : null;
            }
        };
    }
}
