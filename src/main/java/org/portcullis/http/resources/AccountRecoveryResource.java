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
import org.portcullis.api.AcceptedResponse;
import org.portcullis.api.EmailVerificationConfirmation;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.ErrorResponse;
import org.portcullis.api.PasswordResetConfirmation;
import org.portcullis.api.PasswordResetRequest;
import org.portcullis.domain.Caller;
import org.portcullis.guard.BehindBcryptBulkhead;
import org.portcullis.guard.ConcurrencyLimited;
import org.portcullis.http.RequestOrigins;
import org.portcullis.service.EmailVerification;
import org.portcullis.service.PasswordResets;

/**
 * /api/v1/auth: password reset and email verification by mailed single-use links. Tokens travel in JSON
 * bodies, never in our URLs, so no request log line carries one.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public final class AccountRecoveryResource {
    private final PasswordResets resets;
    private final EmailVerification verification;
    private final RequestOrigins origins;

    public AccountRecoveryResource(PasswordResets resets, EmailVerification verification, RequestOrigins origins) {
        this.resets = resets;
        this.verification = verification;
        this.origins = origins;
    }

    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.PASSWORD_RESET, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Mail a password-reset link; the same 202 whether or not the address has an account",
            responses = {
            @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = AcceptedResponse.class))),
            @ApiResponse(responseCode = "422", description = "Not an email address", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "429", description = "Too many mail requests from this address", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public Response requestReset(@NotNull @Valid PasswordResetRequest request,
                                 @Parameter(hidden = true) @Context HttpServletRequest http) {
        resets.request(request.email(), origins.of(http).address());
        return Response.accepted(AcceptedResponse.PASSWORD_RESET).build();
    }

    @POST
    @Path("password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.PASSWORD_RESET_CONFIRM, absolute = true)
    @BehindBcryptBulkhead
    @Operation(summary = "Set a new password with a mailed token; every session of the account ends", responses = {
            @ApiResponse(responseCode = "204"),
            @ApiResponse(responseCode = "400", description = "Token invalid, used or expired", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "422", description = "New password too weak or too long", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public void confirmReset(@NotNull @Valid PasswordResetConfirmation request,
                             @Parameter(hidden = true) @Context HttpServletRequest http) {
        resets.confirm(request.token(), request.newPassword(), origins.of(http));
    }

    @POST
    @Path("verify-email/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = EndpointTimers.VERIFY_EMAIL_CONFIRM, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Confirm the account's email address with a mailed token", responses = {
            @ApiResponse(responseCode = "204"),
            @ApiResponse(responseCode = "400", description = "Token invalid, used or expired", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public void confirmEmail(@NotNull @Valid EmailVerificationConfirmation request) {
        verification.confirm(request.token());
    }

    @POST
    @Path("verify-email/request")
    @Timed(name = EndpointTimers.VERIFY_EMAIL_REQUEST, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Mail a fresh verification link to the caller's address",
            security = @SecurityRequirement(name = "bearer"), responses = {
            @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = AcceptedResponse.class))),
            @ApiResponse(responseCode = "409", description = "Already verified", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
            @ApiResponse(responseCode = "429", description = "Too many mails requested for the account", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public Response requestVerification(@Parameter(hidden = true) @Auth Caller caller) {
        verification.sendAgain(caller);
        return Response.accepted(AcceptedResponse.VERIFICATION).build();
    }
}
