package org.portcullis.http.docs;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.portcullis.http.SecurityHeadersFilter;
import org.portcullis.http.errors.JsonErrorHandler;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;

/**
 * The security headers of /docs and its files, which Jersey's {@link SecurityHeadersFilter} never sees:
 * nosniff, as on every API response, and a Content-Security-Policy of the page's own.
 *
 * <p>Why a policy here when the JSON API has none: /docs is the one place where our origin runs a script
 * that renders text from a document (descriptions are Markdown turned into HTML) and where a user pastes
 * an access token into "Authorize". The policy lets the page do exactly what Swagger UI needs, from this
 * origin only, so that neither an injected script nor a file from another site can run or read the token:
 * <ul>
 *   <li>{@code script-src 'self'}: swagger-ui-bundle.js and our swagger-initializer.js; no inline script
 *       and no eval (Swagger UI needs neither);</li>
 *   <li>{@code style-src 'self'}: swagger-ui.css and index.css. Swagger UI's React components set their
 *       inline styles through the DOM's style properties, which a policy does not restrict, so no
 *       'unsafe-inline' is needed;</li>
 *   <li>{@code img-src 'self' data:}: the favicons, and the icons swagger-ui.css embeds as data: SVG;</li>
 *   <li>{@code connect-src 'self'}: the OpenAPI document and the calls of "Try it out";</li>
 *   <li>{@code frame-ancestors 'none'}: no other site can frame the page over a token typed into it;</li>
 *   <li>{@code default-src 'none'}, {@code base-uri 'none'}, {@code form-action 'none'}: nothing else
 *       (fonts, frames, workers, plugins, form posts).</li>
 * </ul>
 * DocsPageTest pins the headers; DocsBrowserTest finds no policy violation in the browser's console.
 *
 * <p>The asset servlet answers a missing file by resetting the response (headers too) and setting 404, and
 * other errors with {@code sendError}; Jetty 12 completes both with an empty body. Such errors get their body here, in the
 * one JSON error shape, before Jetty steps in; a 304 stays a bare 304.
 */
final class DocsHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        secure(response);
        BodyWatch watched = new BodyWatch(response);
        chain.doFilter(request, watched);
        if (response.getStatus() >= 400 && !watched.bodyStarted && !response.isCommitted()) {
            ByteBuffer body = JsonErrorHandler.body(response.getStatus());
            response.setContentType("application/json");
            response.setContentLength(body.remaining());
            response.getOutputStream().write(body.array(), body.arrayOffset() + body.position(), body.remaining());
        }
    }

    private static void secure(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /**
     * The asset servlet's response: the headers above survive its {@code reset()}, {@code sendError} becomes a
     * plain status (Jetty's error page would drop them and send an empty body), and whether it wrote a body
     * is noted.
     */
    private static final class BodyWatch extends HttpServletResponseWrapper {
        private boolean bodyStarted;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void reset() {
            super.reset();
            bodyStarted = false;
            secure(this);
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }
}
