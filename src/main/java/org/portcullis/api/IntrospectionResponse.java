package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.portcullis.domain.TokenClaims;
import org.portcullis.domain.TokenType;

/**
 * An RFC 7662 §2.2 introspection answer. A dead token gets {@code {"active": false}} and nothing else: the
 * RFC forbids saying why, so expired, revoked, replayed, forged and malformed all look alike. Times are
 * seconds since the epoch, as in the JWT itself. {@code token_type} is {@code Bearer} for an access token
 * (the RFC 6749 §7.1 type it is used as) and {@code refresh_token} for a refresh token, which is no access
 * token type at all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntrospectionResponse(
        @JsonProperty("active") boolean active,
        @JsonProperty("sub") String subject,
        @JsonProperty("sid") String sessionId,
        @JsonProperty("jti") String tokenId,
        @JsonProperty("exp") Long expiresAt,
        @JsonProperty("iat") Long issuedAt,
        @JsonProperty("iss") String issuer,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("client_id") String clientId) {

    public static final IntrospectionResponse INACTIVE =
            new IntrospectionResponse(false, null, null, null, null, null, null, null, null);

    /**
     * @param clientId the resource server that asked. Portcullis tokens are issued to users through the API,
     *                 not to OAuth clients, so there is no requesting client to name; the asking client is
     *                 what the answer was released to.
     */
    public static IntrospectionResponse active(TokenClaims claims, String issuer, String clientId) {
        return new IntrospectionResponse(true, claims.userId().toString(), claims.sessionId().toString(),
                claims.tokenId().toString(), claims.expiresAt().getEpochSecond(), claims.issuedAt().getEpochSecond(),
                issuer, claims.type() == TokenType.ACCESS ? "Bearer" : "refresh_token", clientId);
    }
}
