package org.portcullis.domain;

import java.util.regex.Pattern;

/**
 * Text shown to people (names, device labels) and written to logs must not be able to forge lines or
 * reorder what a reader sees. Refused: every Unicode control (C0, DEL and C1: U+0085 is a line break to
 * some log viewers), the bidi overrides, embeddings, isolates and marks (U+202E shows
 * "evil&#x202E;gpj.exe" as "evilexe.jpg"), and the line and paragraph separators U+2028/U+2029.
 *
 * <p>Not all format characters ({@code \p{Cf}}) are refused: the zero-width joiner and non-joiner are
 * part of correct spelling in Persian and Indic scripts and of emoji sequences.
 */
public final class DisplayText {
    /** The unwanted characters, as the inside of a regex character class. */
    private static final String UNSAFE_SET = "\\p{Cc}\\p{Zl}\\p{Zp}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";

    /** A whole string free of unsafe characters; a compile-time constant so {@code @Pattern} can use it. */
    public static final String SAFE = "[^" + UNSAFE_SET + "]*";

    private static final Pattern UNSAFE = Pattern.compile("[" + UNSAFE_SET + "]");

    private DisplayText() {
    }

    /** The text with every unsafe character removed (for labels we derive, where refusing is no option). */
    public static String withoutUnsafeCharacters(String text) {
        return UNSAFE.matcher(text).replaceAll("");
    }
}
