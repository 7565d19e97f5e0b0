package org.portcullis.http.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP Basic on every admin path (RFC 7617), for an admin port exposed beyond the loopback: metrics and
 * thread dumps describe the service to an attacker, and tasks unlock accounts and end sessions.
 *
 * <p>User and password are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the
 * same time wherever the first difference is; hashing first also hides the length of the secret. Both
 * comparisons always run, so the answer's timing does not say whether the user name was right.
 */
final class AdminCredentials extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String CHALLENGE = "Basic realm=\"portcullis-admin\", charset=\"UTF-8\"";

    private final byte[] user;
    private final byte[] password;

    AdminCredentials(String user, String password) {
        this.user = digest(user);
        this.password = digest(password);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (authenticated(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", CHALLENGE);
        AdminRefusal.send(response, 401, "Credentials required for the admin port");
    }

    private boolean authenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(user, digest(pair.substring(0, colon)));
        boolean passwordMatches = MessageDigest.isEqual(password, digest(pair.substring(colon + 1)));
        return userMatches & passwordMatches;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
