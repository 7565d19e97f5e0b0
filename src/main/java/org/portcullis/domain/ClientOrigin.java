package org.portcullis.domain;

/**
 * Where a request came from, as the audit trail records it: the client address as the throttles resolve
 * it (trusted proxies applied) and the User-Agent, already cut to its configured length.
 */
public record ClientOrigin(String address, String userAgent) {
    /** An operator's action on the admin port. */
    public static final ClientOrigin ADMIN = new ClientOrigin("admin", null);
}
