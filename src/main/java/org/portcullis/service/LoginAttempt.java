package org.portcullis.service;

/**
 * One login as the service sees it: the credentials, the device token it presented (null: none), and where
 * it came from for the session record ({@code ipAddress} already resolved through the trusted-proxy rules,
 * {@code userAgent} already cut).
 */
public record LoginAttempt(String email, String password, String deviceToken, String deviceName,
                           String userAgent, String ipAddress) {
    /** Without the password and the device token: a record's generated toString prints every component. */
    @Override
    public String toString() {
        return "LoginAttempt[email=" + email + ", deviceName=" + deviceName + ", userAgent=" + userAgent
                + ", ipAddress=" + ipAddress + "]";
    }
}
