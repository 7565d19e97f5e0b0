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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.ErrorResponse;
import org.portcullis.api.LoginRequest;
import org.portcullis.api.RefreshRequest;
import org.portcullis.api.RegisterRequest;
import org.portcullis.api.TokenResponse;
import org.portcullis.api.UserView;
import org.portcullis.domain.Caller;
import org.portcullis.domain.ClientOrigin;
import org.portcullis.guard.BehindBcryptBulkhead;
import org.portcullis.guard.ConcurrencyLimited;
import org.portcullis.http.RequestOrigins;
import org.portcullis.service.AccountService;
import org.portcullis.service.LoginAttempt;
import org.portcullis.service.LoginService;
import org.portcullis.service.RefreshTokenRotation;
import org.portcullis.service.SessionService;

import java.net.URI;

/** /api/v1/auth: register, login, refresh, logout. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public final class AuthResource {
    private final AccountService accounts;
    private final LoginService logins;
    private final RefreshTokenRotation rotation;
    private final SessionService sessions;
    private final RequestOrigins origins;

    public AuthResource(AccountService accounts, LoginService logins, RefreshTokenRotation rotation,
                        SessionService sessions, RequestOrigins origins) {
        this.accounts = accounts;
        this.logins = logins;
        this.rotation = rotation;
        this.sessions = sessions;
        this.origins = origins;
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.REGISTER, absolute = true)
    @BehindBcryptBulkhead(registration = true)
    @Operation(summary = "Create an account", responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UserView.class))),
            @ApiResponse(responseCode = "409", description = "Email taken", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "422", description = "Invalid input", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "429", description = "Too many registrations from this address", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public Response register(@NotNull @Valid RegisterRequest request,
                             @Parameter(hidden = true) @Context HttpServletRequest http) {
        UserView user = UserView.of(accounts.register(request.email(), request.password(), request.firstName(),
                request.lastName(), origins.of(http).address()));
        return Response.created(URI.create("/api/v1/users/me")).entity(user).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.LOGIN, absolute = true)
    @BehindBcryptBulkhead
    @Operation(summary = "Log in and open a device session", description = "A client that presents the"
            + " device_token of its previous login is a known device: failures of unknown clients (at this"
            + " account or from its address) never refuse it; its own failures lock its token alone.", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class))),
            @ApiResponse(responseCode = "401", description = "Bad credentials", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "403", description = "Account disabled", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "422", description = "Invalid input", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "429", description = "Too many failed logins: for the account or from the address (unknown clients), or with this device token", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public TokenResponse login(@NotNull @Valid LoginRequest request,
                               @Parameter(hidden = true) @Context HttpServletRequest http) {
        ClientOrigin origin = origins.of(http);
        return TokenResponse.of(logins.login(new LoginAttempt(request.email(), request.password(),
                request.deviceToken(), request.deviceName(), origin.userAgent(), origin.address())));
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.REFRESH, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Trade a refresh token for a new pair (the old one is spent)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class))),
            @ApiResponse(responseCode = "401", description = "Invalid, expired, revoked or replayed", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public TokenResponse refresh(@NotNull @Valid RefreshRequest request,
                                 @Parameter(hidden = true) @Context HttpServletRequest http) {
        return TokenResponse.of(rotation.refresh(request.refreshToken(), origins.of(http)));
    }

    @POST
    @Path("logout")
    @Timed(name = EndpointTimers.LOGOUT, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Revoke the current session", security = @SecurityRequirement(name = "bearer"),
            responses = @ApiResponse(responseCode = "204"))
    public void logout(@Parameter(hidden = true) @Auth Caller caller,
                       @Parameter(hidden = true) @Context HttpServletRequest http) {
        sessions.logout(caller, origins.of(http));
    }

    @POST
    @Path("logout-all")
    @Timed(name = EndpointTimers.LOGOUT_ALL, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Revoke every session of the account", security = @SecurityRequirement(name = "bearer"),
            responses = @ApiResponse(responseCode = "204"))
    public void logoutAll(@Parameter(hidden = true) @Auth Caller caller,
                          @Parameter(hidden = true) @Context HttpServletRequest http) {
        sessions.logoutEverywhere(caller, origins.of(http));
    }
}
