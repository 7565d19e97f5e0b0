package org.portcullis.domain;

/** The {@code type} claim: an access token is never accepted where a refresh token is due, and back. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
