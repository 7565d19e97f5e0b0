package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.portcullis.domain.AuthEvent;

import java.time.Instant;
import java.util.UUID;

/** One audit event as admin GET /audit shows it (snake_case, absent fields left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventView(
        @JsonProperty("id") UUID id,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("type") String type,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("email") String email,
        @JsonProperty("session_id") UUID sessionId,
        @JsonProperty("detail") String detail,
        @JsonProperty("address") String address,
        @JsonProperty("user_agent") String userAgent) {

    public static AuditEventView of(AuthEvent event) {
        return new AuditEventView(event.id(), event.occurredAt(), event.type().name(), event.userId(), event.email(),
                event.sessionId(), event.detail(), event.address(), event.userAgent());
    }
}
