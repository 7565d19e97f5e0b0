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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.portcullis.api.ChangePasswordRequest;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.ErrorResponse;
import org.portcullis.api.UpdateProfileRequest;
import org.portcullis.api.UserView;
import org.portcullis.domain.Caller;
import org.portcullis.guard.BehindBcryptBulkhead;
import org.portcullis.guard.ConcurrencyLimited;
import org.portcullis.http.RequestOrigins;
import org.portcullis.service.AccountService;

/** /api/v1/users/me: the caller's own profile and password. */
@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public final class UserResource {
    private final AccountService accounts;
    private final RequestOrigins origins;

    public UserResource(AccountService accounts, RequestOrigins origins) {
        this.accounts = accounts;
        this.origins = origins;
    }

    @GET
    @Timed(name = EndpointTimers.USERS_ME, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "The caller's profile", security = @SecurityRequirement(name = "bearer"), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.class))),
            @ApiResponse(responseCode = "401", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public UserView me(@Parameter(hidden = true) @Auth Caller caller) {
        return UserView.of(caller.account());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.UPDATE_ME, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Change first and/or last name", security = @SecurityRequirement(name = "bearer"), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.class))),
            @ApiResponse(responseCode = "422", description = "Blank, too long, or another field", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public UserView update(@Parameter(hidden = true) @Auth Caller caller,
                           @NotNull @Valid UpdateProfileRequest request) {
        return UserView.of(accounts.updateProfile(caller, request.firstName(), request.lastName()));
    }

    @PATCH
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.CHANGE_PASSWORD, absolute = true)
    @BehindBcryptBulkhead
    @Operation(summary = "Change the password; every other session is revoked",
            security = @SecurityRequirement(name = "bearer"), responses = {
            @ApiResponse(responseCode = "204"),
            @ApiResponse(responseCode = "403", description = "Current password is wrong", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "409", description = "Another request changed the password meanwhile", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "429", description = "Too many wrong passwords for the account", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "422", description = "New password too weak or too long", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public void changePassword(@Parameter(hidden = true) @Auth Caller caller,
                               @NotNull @Valid ChangePasswordRequest request,
                               @Parameter(hidden = true) @Context HttpServletRequest http) {
        accounts.changePassword(caller, request.currentPassword(), request.newPassword(), origins.of(http));
    }
}
