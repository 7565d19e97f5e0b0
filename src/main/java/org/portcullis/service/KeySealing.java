package org.portcullis.service;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encrypts private signing keys at rest: AES-256-GCM under the key-encryption key (JWT_KEY_ENCRYPTION_KEY),
 * a fresh 96-bit nonce per key, and the key's kid as associated data, so a sealed key copied onto another
 * row does not open there. A database dump alone therefore signs nothing. Output: nonce ‖ ciphertext ‖ tag.
 */
public final class KeySealing {
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec kek;
    private final SecureRandom random = new SecureRandom();

    public KeySealing(byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEY_BYTES + " bytes, not "
                    + keyEncryptionKey.length);
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
    }

    public byte[] seal(String kid, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, kid);
            byte[] sealed = cipher.doFinal(privateKey);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws KeyNotOpened when the key-encryption key is not the one that sealed it, or the row was altered */
    public byte[] open(String kid, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new KeyNotOpened(kid);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), kid);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new KeyNotOpened(kid);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed private key that this key-encryption key cannot open. */
    public static final class KeyNotOpened extends IllegalStateException {
        KeyNotOpened(String kid) {
            super("signing key " + kid + " does not open with this JWT_KEY_ENCRYPTION_KEY: every instance must"
                    + " share the key-encryption key that sealed it");
        }
    }
}
