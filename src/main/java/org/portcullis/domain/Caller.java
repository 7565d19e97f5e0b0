package org.portcullis.domain;

import java.security.Principal;

/**
 * The authenticated caller of a request: the account and the session its access token belongs to. It is
 * the JAX-RS principal too, so resources get both from one {@code @Auth} parameter.
 */
public record Caller(Account account, Session session) implements Principal {
    @Override
    public String getName() {
        return account.email();
    }
}
