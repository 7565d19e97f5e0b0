package org.portcullis.http.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Tasks refuse requests a browser sends. A task is a plain POST that needs no preflight, so any page an
 * operator visits could make the operator's browser, which reaches 127.0.0.1 or the admin network, unlock
 * accounts or end sessions (and a browser that remembered the Basic credentials would add them). Browsers
 * send Origin on every POST, cross-site or not; operators' tools (curl, scripts) do not, so any Origin is
 * refused with 403 without comparing it to anything.
 */
final class TaskOrigins extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Origin") != null) {
            AdminRefusal.send(response, 403, "Tasks are not run for requests sent by a browser (Origin header)");
            return;
        }
        chain.doFilter(request, response);
    }
}
