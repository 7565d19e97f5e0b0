package org.portcullis.domain;

/**
 * The JWS algorithms Portcullis signs with (RFC 7518 names). ES256 and RS256 are asymmetric: the private
 * key signs and stays here, the public key is published (JWKS) so that other services verify without being
 * able to mint. HS256 is one shared secret: whoever can verify can also forge, so it suits a single service.
 */
public enum SigningAlgorithm {
    ES256(true),
    RS256(true),
    HS256(false);

    private final boolean asymmetric;

    SigningAlgorithm(boolean asymmetric) {
        this.asymmetric = asymmetric;
    }

    /** True if a public key can be published for this algorithm (a JWKS has nothing to offer for HS256). */
    public boolean isAsymmetric() {
        return asymmetric;
    }
}
