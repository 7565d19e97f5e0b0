package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.NoControlCharacters;

/**
 * POST /api/v1/auth/login. The password is only bounded here, not checked against the policy: an
 * account created under an older policy must still be able to log in.
 */
public record LoginRequest(
        @JsonProperty("email") @NotNull @Size(min = 1, max = 254) @NoControlCharacters String email,
        @JsonProperty("password") @NotNull @Size(min = 1, max = 1024) String password,
        @JsonProperty("device_name") @Size(min = 1, max = 100) @NoControlCharacters String deviceName) {

    public LoginRequest {
        email = Normalize.email(email);
        deviceName = Normalize.name(deviceName);
    }
}
