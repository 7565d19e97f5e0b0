package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.portcullis.domain.IssuedTokens;
import org.portcullis.domain.SignedIn;

/** The body of a successful login or refresh; only a login carries a device token. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("user") UserView user,
        @Schema(description = "Logins only: present it as device_token at this client's next login to be"
                + " treated as a known device (opaque; spent by that login, which returns a fresh one).",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("device_token") @JsonInclude(JsonInclude.Include.NON_NULL) String deviceToken) {

    public static TokenResponse of(SignedIn signedIn) {
        return of(signedIn.tokens(), signedIn.deviceToken());
    }

    public static TokenResponse of(IssuedTokens issued) {
        return of(issued, null);
    }

    private static TokenResponse of(IssuedTokens issued, String deviceTokenOrNull) {
        return new TokenResponse(issued.accessToken(), issued.refreshToken(), "bearer",
                issued.accessExpiresInSeconds(), UserView.of(issued.account()), deviceTokenOrNull);
    }

    /** Without the tokens: a record's generated toString prints every component, and tokens never go to a log. */
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", user=" + user + "]";
    }
}
