package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * RFC 8414 authorization server metadata: where resource servers find the keys and the introspection and
 * revocation endpoints, and how to authenticate there. Portcullis issues tokens through its own login API,
 * not through OAuth grants, so it names no authorization or token endpoint and supports no response type
 * (an empty {@code response_types_supported}: RFC 8414 requires the member, and this is the truthful value;
 * likewise an empty {@code grant_types_supported}, whose absence would mean "authorization_code, implicit").
 */
public record ServerMetadata(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("introspection_endpoint") String introspectionEndpoint,
        @JsonProperty("introspection_endpoint_auth_methods_supported") List<String> introspectionAuthMethods,
        @JsonProperty("revocation_endpoint") String revocationEndpoint,
        @JsonProperty("revocation_endpoint_auth_methods_supported") List<String> revocationAuthMethods,
        @JsonProperty("response_types_supported") List<String> responseTypes,
        @JsonProperty("grant_types_supported") List<String> grantTypes) {

    /** The signing algorithm is not a metadata member: each published JWK names its own {@code alg}. */
    public static ServerMetadata of(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        List<String> basic = List.of("client_secret_basic");
        return new ServerMetadata(issuer, base + "/.well-known/jwks.json", base + "/oauth2/introspect", basic,
                base + "/oauth2/revoke", basic, List.of(), List.of());
    }
}
