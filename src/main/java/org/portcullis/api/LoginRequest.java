package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.portcullis.api.validation.NoControlCharacters;

/**
 * POST /api/v1/auth/login. The password is only bounded here, not checked against the policy: an
 * account created under an older policy must still be able to log in. {@code device_token} is the one the
 * client's previous login returned (base64url, as issued); a token that is not its account's live one is
 * no error, the client is simply not a known device.
 */
public record LoginRequest(
        @JsonProperty("email") @NotNull @Size(min = 1, max = 254) @NoControlCharacters String email,
        @JsonProperty("password") @NotNull @Size(min = 1, max = 1024) String password,
        @JsonProperty("device_name") @Size(min = 1, max = 100) @NoControlCharacters String deviceName,
        @Schema(description = "The device_token of this client's previous successful login, if it has one:"
                + " a known device is not refused for failures of unknown clients (its own failures lock it alone)."
                + " Each is spent by the login that presents it; keep the new one from the response.")
        @JsonProperty("device_token") @Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9_-]*",
                message = "must be a device_token as issued (base64url)") String deviceToken) {

    public LoginRequest {
        email = Normalize.email(email);
        deviceName = Normalize.name(deviceName);
    }
}
