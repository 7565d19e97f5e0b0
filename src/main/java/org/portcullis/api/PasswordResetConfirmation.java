package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.Password;

/** POST /api/v1/auth/password-reset/confirm: the mailed token and the new password (rules as at registration). */
public record PasswordResetConfirmation(
        @JsonProperty("token") @NotNull @Size(min = 1, max = 200) String token,
        @JsonProperty("new_password") @NotNull @Password String newPassword) {
}
