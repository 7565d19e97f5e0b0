package org.portcullis.service;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.SigningKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Map;

/**
 * Makes new signing keys and reads stored ones. A key's id is its RFC 7638 JWK thumbprint (SHA-256 of its
 * public parameters), so a kid names exactly one public key and cannot be chosen by anyone. RSA keys are
 * 2048 bits (jjwt's RS256 default, RFC 7518's minimum), EC keys are on P-256.
 */
public final class KeyPairs {
    private final SigningAlgorithm algorithm;
    private final KeySealing sealing;

    public KeyPairs(SigningAlgorithm algorithm, KeySealing sealing) {
        if (!algorithm.isAsymmetric()) {
            throw new IllegalArgumentException(algorithm + " has no key pair");
        }
        this.algorithm = algorithm;
        this.sealing = sealing;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** A new key of the next {@code generation}, signing from {@code activatesAt}, its private half sealed. */
    public SigningKey generate(long generation, Instant now, Instant activatesAt) {
        KeyPair pair = switch (algorithm) {
            case ES256 -> Jwts.SIG.ES256.keyPair().build();
            case RS256 -> Jwts.SIG.RS256.keyPair().build();
            case HS256 -> throw new IllegalStateException("unreachable");
        };
        PublicJwk<PublicKey> jwk = Jwks.builder().key(pair.getPublic()).algorithm(algorithm.name())
                .publicKeyUse("sig").idFromThumbprint().build();
        String kid = jwk.getId();
        byte[] sealed = sealing.seal(kid, pair.getPrivate().getEncoded());
        return new SigningKey(kid, algorithm, generation, Jwks.json(jwk), sealed, now, activatesAt, null);
    }

    /** The public JWK of a stored key, as the members of its JSON object (for the published JWKS). */
    public static Map<String, ?> publicMembers(SigningKey key) {
        return parse(key);
    }

    public static PublicKey publicKey(SigningKey key) {
        return (PublicKey) parse(key).toKey();
    }

    /** The private key of a stored key, opened with the key-encryption key. */
    public PrivateKey privateKey(SigningKey key) {
        byte[] pkcs8 = sealing.open(key.kid(), key.sealedPrivateKey());
        try {
            String family = key.algorithm() == SigningAlgorithm.ES256 ? "EC" : "RSA";
            return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + " holds no readable private key", e);
        }
    }

    private static Jwk<?> parse(SigningKey key) {
        return Jwks.parser().build().parse(key.publicJwk());
    }
}
