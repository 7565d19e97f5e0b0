package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.portcullis.domain.Session;

import java.time.Instant;
import java.util.UUID;

/** One device session as its owner sees it; {@code is_current} marks the caller's own session. */
public record SessionView(
        @JsonProperty("id") UUID id,
        @JsonProperty("device_name") String deviceName,
        @JsonProperty("user_agent") String userAgent,
        @JsonProperty("ip_address") String ipAddress,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("last_used_at") Instant lastUsedAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("is_current") boolean isCurrent) {

    public static SessionView of(Session session, UUID currentSessionId) {
        return new SessionView(session.id(), session.deviceName(), session.userAgent(), session.ipAddress(),
                session.createdAt(), session.lastUsedAt(), session.expiresAt(),
                session.id().equals(currentSessionId));
    }
}
