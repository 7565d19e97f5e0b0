package org.portcullis.api;

import java.util.Locale;

/**
 * How request text is cleaned before it is validated: emails are compared and stored trimmed and
 * lower-cased (so "Ann@X.org " and "ann@x.org" are one account), names are trimmed. Passwords are never
 * touched: a leading space is part of the secret.
 */
final class Normalize {
    private Normalize() {
    }

    static String email(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    static String name(String raw) {
        return raw == null ? null : raw.strip();
    }
}
