package org.portcullis.service;

/**
 * One login as the service sees it: the credentials, and where it came from for the session record
 * ({@code ipAddress} already resolved through the trusted-proxy rules, {@code userAgent} already cut).
 */
public record LoginAttempt(String email, String password, String deviceName, String userAgent,
                           String ipAddress) {
}
