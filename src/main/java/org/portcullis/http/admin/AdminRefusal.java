package org.portcullis.http.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.portcullis.http.errors.JsonErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A refusal on the admin port, in the one JSON error shape the API uses. */
final class AdminRefusal {
    private AdminRefusal() {
    }

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        ByteBuffer body = JsonErrorHandler.body(status, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.remaining());
        response.getOutputStream().write(body.array(), body.arrayOffset() + body.position(), body.remaining());
    }
}
