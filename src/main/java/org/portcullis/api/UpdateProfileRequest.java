package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.NoControlCharacters;

/** PATCH /api/v1/users/me: only the names; any other field is an unknown field and refused. */
public record UpdateProfileRequest(
        @JsonProperty("first_name") @Size(min = 1, max = 100) @NoControlCharacters String firstName,
        @JsonProperty("last_name") @Size(min = 1, max = 100) @NoControlCharacters String lastName) {

    public UpdateProfileRequest {
        firstName = Normalize.name(firstName);
        lastName = Normalize.name(lastName);
    }
}
