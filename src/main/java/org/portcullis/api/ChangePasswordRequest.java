package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.Password;

/** PATCH /api/v1/users/me/password. */
public record ChangePasswordRequest(
        @JsonProperty("current_password") @NotNull @Size(min = 1, max = 1024) String currentPassword,
        @JsonProperty("new_password") @NotNull @Password String newPassword) {
}
