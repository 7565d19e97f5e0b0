package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/v1/auth/refresh. */
public record RefreshRequest(
        @JsonProperty("refresh_token") @NotBlank @Size(max = 4096) String refreshToken) {
}
