package org.portcullis.api;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every API response carries, whoever writes it (Jersey's resources, or a guard that answers
 * before Jersey): nosniff stops a browser from reading our JSON as anything else, and what is under /api/v1
 * may hold tokens or personal data, so no browser or proxy may store it.
 */
public final class SecurityHeaders {
    private static final Map<String, String> EVERY_RESPONSE = Map.of("X-Content-Type-Options", "nosniff");
    private static final Map<String, String> API_RESPONSE = Map.of(HttpHeaders.CACHE_CONTROL, "no-store");

    private SecurityHeaders() {
    }

    /** Sets the headers of a response; {@code underApi} for a path under /api. */
    public static void apply(boolean underApi, BiConsumer<String, String> setHeader) {
        EVERY_RESPONSE.forEach(setHeader);
        if (underApi) {
            API_RESPONSE.forEach(setHeader);
        }
    }
}
