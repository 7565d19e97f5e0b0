package org.portcullis.http.auth;

import org.portcullis.domain.DomainException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A resource server's id and secret from an {@code Authorization: Basic} header, decoded as RFC 6749 §2.3.1
 * says: base64 of {@code id:secret}, each part form-urlencoded first (Spring's introspector and Nimbus
 * encode them, so a secret with ':' or '%' survives). Anything else is a failed client authentication.
 */
public record ClientCredentials(String id, String secret) {
    private static final String SCHEME = "basic ";

    /** @throws DomainException (CLIENT_UNAUTHENTICATED) when the header is missing or not Basic credentials */
    public static ClientCredentials from(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw failed();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw failed();
            }
            return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            throw failed();
        }
    }

    private static DomainException failed() {
        return new DomainException(DomainException.Kind.CLIENT_UNAUTHENTICATED, "Client authentication failed");
    }

    @Override
    public String toString() {
        return "ClientCredentials[id=" + id + "]";
    }
}
