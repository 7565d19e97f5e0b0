package org.portcullis.api;

import java.util.Locale;

/**
 * How request text is cleaned before it is validated: emails are compared and stored trimmed and
 * lower-cased (so "Ann@X.org " and "ann@x.org" are one account), names are trimmed. Passwords are never
 * touched: a leading space is part of the secret. The admin tasks normalise their email parameter here too.
 */
public final class Normalize {
    private Normalize() {
    }

    public static String email(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    static String name(String raw) {
        return raw == null ? null : raw.strip();
    }
}
