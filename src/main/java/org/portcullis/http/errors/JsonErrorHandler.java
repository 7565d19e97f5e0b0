package org.portcullis.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.portcullis.api.ErrorResponse;

import java.nio.ByteBuffer;

/**
 * Errors Jetty answers itself, before a request reaches Jersey: an undecodable URI, headers over the size
 * limit, TRACE. Jetty's default page is HTML and names the server; these get the one JSON error shape.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");

    /** Jetty writes error bodies for GET and POST only by default; every method gets the shape here. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(CONTENT_TYPE);
        response.getHeaders().put(NOSNIFF);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(CONTENT_TYPE);
        fields.put(NOSNIFF);
        return body(status);
    }

    /** The one error shape for {@code status}, as JSON bytes; also the body of servlet errors (DocsHeaders). */
    public static ByteBuffer body(int status) {
        return body(status, ErrorResponses.messageFor(status));
    }

    /** The one error shape with a message of its own, for refusals a servlet filter writes (the admin port's). */
    public static ByteBuffer body(int status, String message) {
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(ErrorResponse.of(status, message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
