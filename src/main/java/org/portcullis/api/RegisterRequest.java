package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.EmailAddress;
import org.portcullis.api.validation.NoControlCharacters;
import org.portcullis.api.validation.Password;

/** POST /api/v1/auth/register. */
public record RegisterRequest(
        @JsonProperty("email") @NotNull @EmailAddress @Size(max = 254) @NoControlCharacters String email,
        @JsonProperty("password") @NotNull @Password String password,
        @JsonProperty("first_name") @NotNull @Size(min = 1, max = 100) @NoControlCharacters String firstName,
        @JsonProperty("last_name") @Size(min = 1, max = 100) @NoControlCharacters String lastName) {

    public RegisterRequest {
        email = Normalize.email(email);
        firstName = Normalize.name(firstName);
        lastName = Normalize.name(lastName);
    }
}
