package org.portcullis.domain;

/**
 * What a successful login hands out: the session's first token pair and the device token that makes this
 * client a known device at its next login.
 */
public record SignedIn(IssuedTokens tokens, String deviceToken) {
    /** Without the device token: a record's generated toString prints every component, and tokens never go to a log. */
    @Override
    public String toString() {
        return "SignedIn[tokens=" + tokens + "]";
    }
}
