package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.EmailAddress;
import org.portcullis.api.validation.NoControlCharacters;

/** POST /api/v1/auth/password-reset. */
public record PasswordResetRequest(
        @JsonProperty("email") @NotNull @EmailAddress @Size(max = 254) @NoControlCharacters String email) {

    public PasswordResetRequest {
        email = Normalize.email(email);
    }
}
