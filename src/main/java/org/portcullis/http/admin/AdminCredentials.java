package org.portcullis.http.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portcullis.http.auth.BasicCredentials;
import org.portcullis.service.Sha256;

import java.io.IOException;
import java.security.MessageDigest;

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
        return BasicCredentials.parse(authorization).map(given -> {
            boolean userMatches = MessageDigest.isEqual(user, digest(given.id()));
            boolean passwordMatches = MessageDigest.isEqual(password, digest(given.secret()));
            return userMatches & passwordMatches;
        }).orElse(false);
    }

    private static byte[] digest(String text) {
        return Sha256.of(text);
    }
}
