package org.portcullis.domain;

/**
 * What a mailed single-use token proves when it comes back: that its bearer reads the account's mail. A
 * token is good for its own purpose only, so a verification link can never reset a password.
 */
public enum TokenPurpose {
    PASSWORD_RESET("password_reset"),
    VERIFY_EMAIL("verify_email");

    private final String stored;

    TokenPurpose(String stored) {
        this.stored = stored;
    }

    /** The value of {@code account_tokens.purpose}. */
    public String stored() {
        return stored;
    }
}
