package org.portcullis.http.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.ErrorResponse;
import org.portcullis.api.SessionList;
import org.portcullis.api.SessionView;
import org.portcullis.domain.Caller;
import org.portcullis.domain.DomainException;
import org.portcullis.guard.ConcurrencyLimited;
import org.portcullis.http.RequestOrigins;
import org.portcullis.service.SessionService;

import java.util.List;
import java.util.UUID;

/** /api/v1/sessions: the caller's device sessions. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public final class SessionResource {
    private final SessionService sessions;
    private final RequestOrigins origins;

    public SessionResource(SessionService sessions, RequestOrigins origins) {
        this.sessions = sessions;
        this.origins = origins;
    }

    @GET
    @Path("me")
    @Timed(name = EndpointTimers.SESSIONS_LIST, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Live sessions of the caller, most recently used first",
            security = @SecurityRequirement(name = "bearer"),
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionList.class))))
    public SessionList list(@Parameter(hidden = true) @Auth Caller caller) {
        UUID current = caller.session().id();
        List<SessionView> views = sessions.listFor(caller).stream()
                .map(session -> SessionView.of(session, current))
                .toList();
        return new SessionList(views, views.size());
    }

    @DELETE
    @Path("{id}")
    @Timed(name = EndpointTimers.SESSION_REVOKE, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Revoke one of the caller's sessions", security = @SecurityRequirement(name = "bearer"),
            responses = {
                    @ApiResponse(responseCode = "204"),
                    @ApiResponse(responseCode = "404", description = "Unknown or another user's", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public void revoke(@Parameter(hidden = true) @Auth Caller caller,
                       @Parameter(description = "session id (UUID)") @PathParam("id") String id,
                       @Parameter(hidden = true) @Context HttpServletRequest http) {
        sessions.revoke(caller, parseId(id), origins.of(http));
    }

    /** A path segment that is not a UUID names no session: 404, like any unknown id. */
    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "Session not found");
        }
    }
}
