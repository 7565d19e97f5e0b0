package org.portcullis.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * A resource server as Spring Security builds one from {@code jwk-set-uri}: Nimbus's JWKSourceBuilder (cached,
 * refreshed on an unknown kid) under a DefaultJWTProcessor that accepts RS256 only and checks the issuer and
 * the time claims. It knows nothing of Portcullis but its metadata URL.
 */
final class ResourceServer {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String jwksUri;

    private ResourceServer(String issuer, String jwksUri) throws Exception {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(jwksUri)).retrying(false).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat", "jti")));
    }

    /** Discovers the JWKS through RFC 8414 metadata, as a resource server configured with an issuer does. */
    static ResourceServer discover(String metadataUrl) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(metadataUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> metadata = JSONObjectUtils.parse(reply.body());
        return new ResourceServer((String) metadata.get("issuer"), (String) metadata.get("jwks_uri"));
    }

    /** The verified claims; throws what Nimbus throws for a token it refuses. */
    JWTClaimsSet verify(String token) throws Exception {
        return processor.process(token, null);
    }

    String issuer() {
        return issuer;
    }

    String jwksUri() {
        return jwksUri;
    }
}
