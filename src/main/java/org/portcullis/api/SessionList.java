package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** GET /api/v1/sessions/me: live sessions, most recently used first. */
public record SessionList(
        @JsonProperty("sessions") List<SessionView> sessions,
        @JsonProperty("total") int total) {
}
