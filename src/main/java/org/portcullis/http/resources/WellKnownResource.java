package org.portcullis.http.resources;

import com.codahale.metrics.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.ServerMetadata;
import org.portcullis.service.KeyRing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a resource server reads to trust our tokens without asking us each time: the public signing keys
 * (RFC 7517 JWK Set) and the RFC 8414 metadata that points at them. Both are public by design.
 *
 * <p>The JWKS may be cached for {@code jwksMaxAge}, shorter than the time a new key is published before it
 * signs, so a resource server that honours the header always knows a kid before it sees one. Under HS256
 * there is nothing to publish: the set is empty.
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token verification")
public final class WellKnownResource {
    private final Optional<KeyRing> keys;
    private final ServerMetadata metadata;
    private final CacheControl jwksCaching;

    public WellKnownResource(Optional<KeyRing> keys, String issuer, Duration jwksMaxAge) {
        this.keys = keys;
        this.metadata = ServerMetadata.of(issuer);
        this.jwksCaching = new CacheControl();
        this.jwksCaching.setMaxAge((int) jwksMaxAge.toSeconds());
        this.jwksCaching.setNoTransform(false);
    }

    @GET
    @Path("jwks.json")
    @Timed(name = EndpointTimers.JWKS, absolute = true)
    @Operation(summary = "The public keys that verify Portcullis tokens (JWK Set, RFC 7517)",
            responses = @ApiResponse(responseCode = "200", description = "{\"keys\": [JWK, ...]}"))
    public Response jwks() {
        List<Map<String, ?>> published = keys.map(KeyRing::publishedJwks).orElse(List.of());
        return Response.ok(Map.of("keys", published)).cacheControl(jwksCaching).build();
    }

    @GET
    @Path("oauth-authorization-server")
    @Timed(name = EndpointTimers.SERVER_METADATA, absolute = true)
    @Operation(summary = "Authorization server metadata (RFC 8414)", responses = @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ServerMetadata.class))))
    public Response metadata() {
        return Response.ok(metadata).cacheControl(jwksCaching).build();
    }
}
