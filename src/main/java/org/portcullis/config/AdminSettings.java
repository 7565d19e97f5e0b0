package org.portcullis.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The admin port's own guards, beyond its connector's {@code bindHost} (127.0.0.1 unless ADMIN_BIND_HOST
 * says otherwise). Exposed on another interface, the port can demand HTTP Basic credentials: {@code user}
 * and {@code password} both set turn them on, both empty (the default) leave the port open to whoever can
 * reach it, and one without the other refuses to start rather than guess which was meant.
 */
public class AdminSettings {
    @NotNull
    private String user = "";

    @NotNull
    private String password = "";

    /**
     * unlock-account answers differently for known and unknown emails, and clears a lock meant to stop a
     * guesser: at most this many calls per minute, across callers.
     */
    @Min(1)
    @Max(10_000)
    private int unlocksPerMinute = 10;

    /** Whether requests must carry the Basic credentials. */
    @JsonIgnore
    public boolean requiresCredentials() {
        return !user.isEmpty();
    }

    @JsonIgnore
    @ValidationMethod(message = "admin.user and admin.password (ADMIN_USER, ADMIN_PASSWORD) must be set together"
            + " or both left empty")
    public boolean isUserAndPasswordSetTogether() {
        return user.isEmpty() == password.isEmpty();
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    /** {@code user: ${ADMIN_USER:-}} reads as null when unset: that is "no user". */
    @JsonProperty
    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    @JsonProperty
    public int getUnlocksPerMinute() {
        return unlocksPerMinute;
    }

    @JsonProperty
    public void setUnlocksPerMinute(int unlocksPerMinute) {
        this.unlocksPerMinute = unlocksPerMinute;
    }
}
