package org.portcullis.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Where the HS256 key comes from: JWT_SECRET's UTF-8 bytes, or, when it is unset, 32 random bytes for
 * this process only. HS256 needs at least 256 bits of key (RFC 7518 §3.2).
 */
public final class SigningKeys {
    public static final int MIN_SECRET_BYTES = 32;

    private SigningKeys() {
    }

    /** True if the secret may be used: empty (generate one) or at least 32 bytes of UTF-8. */
    public static boolean isAcceptable(String secret) {
        return secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    public static byte[] fromSecret(String secret) {
        if (!isAcceptable(secret)) {
            throw new IllegalArgumentException("JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (secret.isEmpty()) {
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return random;
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
