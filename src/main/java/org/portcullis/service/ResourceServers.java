package org.portcullis.service;

import org.portcullis.domain.DomainException;

import java.security.MessageDigest;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The resource servers allowed to introspect and revoke tokens (RFC 7662 §2.1 asks that the endpoint be
 * protected), each an id and a secret from config.yml. Secrets are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever the first difference is; an unknown id
 * is compared against a digest too, so the answer's timing says nothing about which ids exist.
 */
public final class ResourceServers {
    private static final byte[] NO_CLIENT = digest("no such client");

    private final Map<String, byte[]> secretDigests;

    public ResourceServers(Map<String, String> secrets) {
        this.secretDigests = secrets.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> digest(e.getValue())));
    }

    /**
     * @return the authenticated client's id
     * @throws DomainException (CLIENT_UNAUTHENTICATED) for an unknown client or a wrong secret
     */
    public String authenticate(String clientId, String secret) {
        byte[] expected = secretDigests.getOrDefault(clientId == null ? "" : clientId, NO_CLIENT);
        boolean matches = MessageDigest.isEqual(expected, digest(secret == null ? "" : secret));
        if (!matches || expected == NO_CLIENT) {
            throw new DomainException(DomainException.Kind.CLIENT_UNAUTHENTICATED, "Client authentication failed");
        }
        return clientId;
    }

    private static byte[] digest(String value) {
        return Sha256.of(value);
    }
}
