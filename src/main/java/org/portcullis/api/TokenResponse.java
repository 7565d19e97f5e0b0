package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.portcullis.domain.IssuedTokens;

/** The body of a successful login or refresh. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("user") UserView user) {

    public static TokenResponse of(IssuedTokens issued) {
        return new TokenResponse(issued.accessToken(), issued.refreshToken(), "bearer",
                issued.accessExpiresInSeconds(), UserView.of(issued.account()));
    }
}
