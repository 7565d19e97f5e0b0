package org.portcullis.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the {@code signing_keys} table: an asymmetric key pair shared by every instance. Its life is
 * written as times, not as a state someone must remember to move on, so every instance reads the same
 * state from the same row at the same moment:
 * <ul>
 *   <li><b>next</b> before {@code activatesAt}: published, signs nothing yet;</li>
 *   <li><b>active</b> from {@code activatesAt} until {@code retiresAt} (none yet: the newest key);</li>
 *   <li><b>retired</b> from {@code retiresAt}: signs nothing, published while tokens it signed may live.</li>
 * </ul>
 * A key withdrawn because it is compromised is deleted at once instead of retired.
 *
 * @param generation        1, 2, 3 … in creation order; unique, so two instances that rotate at once
 *                          collide on it and the database keeps one of their keys
 * @param publicJwk         the public key as a JWK (RFC 7517) JSON object, kid and alg included
 * @param sealedPrivateKey  the PKCS#8 private key, encrypted (never stored or logged in clear)
 * @param retiresAt         when the key stops signing, set when its successor is created; null until then
 */
public record SigningKey(String kid, SigningAlgorithm algorithm, long generation, String publicJwk,
                         byte[] sealedPrivateKey, Instant createdAt, Instant activatesAt, Instant retiresAt) {

    public enum State { NEXT, ACTIVE, RETIRED }

    public State stateAt(Instant now) {
        if (now.isBefore(activatesAt)) {
            return State.NEXT;
        }
        return retiresAt == null || now.isBefore(retiresAt) ? State.ACTIVE : State.RETIRED;
    }

    /**
     * True while a token this key signed may still be presented: until {@code retention} (the longest token
     * lifetime plus the clock leeway) after it stopped signing.
     */
    public boolean isPublishedAt(Instant now, Duration retention) {
        return retiresAt == null || now.isBefore(retiresAt.plus(retention));
    }

    @Override
    public String toString() {
        // A record would print every component; the sealed private key has no business in a log line.
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", generation=" + generation
                + ", activatesAt=" + activatesAt + ", retiresAt=" + retiresAt + "]";
    }
}
