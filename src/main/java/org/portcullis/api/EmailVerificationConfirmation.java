package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/v1/auth/verify-email/confirm: the mailed token. */
public record EmailVerificationConfirmation(
        @JsonProperty("token") @NotNull @Size(min = 1, max = 200) String token) {
}
