package org.portcullis.http.auth;

import org.portcullis.domain.DomainException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The id and secret of an {@code Authorization: Basic} header (RFC 7617): base64 of {@code id:secret}. The
 * admin port's credentials are read as they are; an OAuth client's are form-urlencoded first (RFC 6749
 * §2.3.1: Spring's introspector and Nimbus encode them, so a secret with ':' or '%' survives).
 */
public record BasicCredentials(String id, String secret) {
    private static final String SCHEME = "basic ";

    /** The credentials of the header as sent; empty when it is missing or not Basic credentials. */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /**
     * An OAuth client's credentials, each part form-urldecoded.
     *
     * @throws DomainException (CLIENT_UNAUTHENTICATED) when the header is missing or not Basic credentials
     */
    public static BasicCredentials ofOAuthClient(String authorization) {
        try {
            return parse(authorization)
                    .map(raw -> new BasicCredentials(URLDecoder.decode(raw.id, StandardCharsets.UTF_8),
                            URLDecoder.decode(raw.secret, StandardCharsets.UTF_8)))
                    .orElseThrow(BasicCredentials::failed);
        } catch (IllegalArgumentException malformed) {
            throw failed();
        }
    }

    private static DomainException failed() {
        return new DomainException(DomainException.Kind.CLIENT_UNAUTHENTICATED, "Client authentication failed");
    }

    @Override
    public String toString() {
        return "BasicCredentials[id=" + id + "]";
    }
}
