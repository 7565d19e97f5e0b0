package org.portcullis.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text's UTF-8 bytes: the stored form of every random token we hand out (device tokens, mailed
 * tokens), and the fixed-length form in which configured secrets are compared with
 * {@link MessageDigest#isEqual} (constant time whatever the lengths).
 */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** Lower-case hex, as token hashes are stored. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
