package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.portcullis.domain.Account;

import java.time.Instant;
import java.util.UUID;

/** The User of the API: an account without its password hash. */
public record UserView(
        @JsonProperty("id") UUID id,
        @JsonProperty("email") String email,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("is_active") boolean isActive,
        @JsonProperty("is_superuser") boolean isSuperuser,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("email_verified") boolean emailVerified) {

    public static UserView of(Account account) {
        return new UserView(account.id(), account.email(), account.firstName(), account.lastName(),
                account.isActive(), account.isSuperuser(), account.createdAt(), account.updatedAt(),
                account.emailVerified());
    }
}
