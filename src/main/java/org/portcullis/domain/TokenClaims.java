package org.portcullis.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a verified token says: whose, which session, which token, signed by which key, and from when until
 * when.
 */
public record TokenClaims(UUID userId, UUID sessionId, UUID tokenId, TokenType type, String keyId,
                          Instant issuedAt, Instant expiresAt) {
}
