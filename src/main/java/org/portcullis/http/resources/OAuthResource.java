package org.portcullis.http.resources;

import com.codahale.metrics.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.ErrorResponse;
import org.portcullis.api.IntrospectionResponse;
import org.portcullis.domain.DomainException;
import org.portcullis.guard.ConcurrencyLimited;
import org.portcullis.http.RequestOrigins;
import org.portcullis.http.auth.BasicCredentials;
import org.portcullis.service.ResourceServers;
import org.portcullis.service.TokenIntrospection;

import java.util.List;

/**
 * The OAuth endpoints resource servers call: RFC 7662 introspection and RFC 7009 revocation. Both take a
 * form ({@code token}, optional {@code token_type_hint}) and the caller's client credentials as HTTP Basic;
 * wire names and statuses are the RFCs'.
 */
@Path("/oauth2")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token verification")
public final class OAuthResource {
    private final TokenIntrospection introspection;
    private final ResourceServers clients;
    private final String issuer;
    private final RequestOrigins origins;

    public OAuthResource(TokenIntrospection introspection, ResourceServers clients, String issuer,
                         RequestOrigins origins) {
        this.introspection = introspection;
        this.clients = clients;
        this.issuer = issuer;
        this.origins = origins;
    }

    @POST
    @Path("introspect")
    @Timed(name = EndpointTimers.INTROSPECT, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "Is this token live, and whose is it? (RFC 7662)", security = @SecurityRequirement(name = "client"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "{\"active\": false} for any token that is not live",
                            content = @Content(schema = @Schema(implementation = IntrospectionResponse.class))),
                    @ApiResponse(responseCode = "400", description = "No token, or a parameter given twice", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
                    @ApiResponse(responseCode = "401", description = "Unknown client or wrong secret", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public IntrospectionResponse introspect(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            @Parameter(hidden = true) MultivaluedMap<String, String> form) {
        String client = authenticate(authorization);
        return introspection.introspect(token(form), single(form, "token_type_hint"))
                .map(claims -> IntrospectionResponse.active(claims, issuer, client))
                .orElse(IntrospectionResponse.INACTIVE);
    }

    @POST
    @Path("revoke")
    @Timed(name = EndpointTimers.REVOKE_TOKEN, absolute = true)
    @ConcurrencyLimited
    @Operation(summary = "End the session of an access or refresh token (RFC 7009)", security = @SecurityRequirement(name = "client"),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Also for unknown or already dead tokens (RFC 7009 §2.2)"),
                    @ApiResponse(responseCode = "400", description = "No token, or a parameter given twice", content = @Content(schema = @Schema(implementation = ErrorResponse.class))),
                    @ApiResponse(responseCode = "401", description = "Unknown client or wrong secret", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))})
    public Response revoke(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @Parameter(hidden = true) MultivaluedMap<String, String> form,
                           @Parameter(hidden = true) @Context HttpServletRequest http) {
        String client = authenticate(authorization);
        introspection.revoke(token(form), single(form, "token_type_hint"), client, origins.of(http));
        return Response.ok().build();
    }

    private String authenticate(String authorization) {
        BasicCredentials credentials = BasicCredentials.ofOAuthClient(authorization);
        return clients.authenticate(credentials.id(), credentials.secret());
    }

    private static String token(MultivaluedMap<String, String> form) {
        String token = single(form, "token");
        if (token == null || token.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_REQUEST, "token is required");
        }
        return token;
    }

    /** RFC 6749 §3.2: a parameter must not appear more than once. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new DomainException(DomainException.Kind.INVALID_REQUEST, name + " must be given once");
        }
        return values.get(0);
    }
}
