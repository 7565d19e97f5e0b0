package org.portcullis.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import org.portcullis.domain.ClientOrigin;

import java.util.Collections;

/**
 * The {@link ClientOrigin} of a request: the address through the trusted-proxy rules, and the User-Agent
 * cut to {@code clients.maxUserAgentLength}, so every resource records the same thing the same way.
 */
public final class RequestOrigins {
    private final ClientAddressResolver addresses;
    private final int maxUserAgentLength;

    public RequestOrigins(ClientAddressResolver addresses, int maxUserAgentLength) {
        this.addresses = addresses;
        this.maxUserAgentLength = maxUserAgentLength;
    }

    public ClientOrigin of(HttpServletRequest request) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (userAgent != null && userAgent.length() > maxUserAgentLength) {
            userAgent = userAgent.substring(0, maxUserAgentLength);
        }
        return new ClientOrigin(addresses.resolve(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For"))), userAgent);
    }
}
