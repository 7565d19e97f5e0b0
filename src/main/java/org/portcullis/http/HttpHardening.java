package org.portcullis.http;

import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What stands between the network and every resource: request bodies over the size limit are refused with
 * 413, every response carries the security headers, and other origins' browsers may call only when CORS
 * origins are configured. One call installs all three, so an application cannot forget one.
 */
public final class HttpHardening {
    private HttpHardening() {
    }

    /**
     * @param maxBodyBytes larger request bodies are refused with 413 ({@code clients.maxBodySize})
     * @param corsOrigins  browser origins allowed to call the API ({@code clients.corsAllowedOrigins})
     */
    public static void install(Environment environment, long maxBodyBytes, List<String> corsOrigins) {
        environment.jersey().register(new SecurityHeadersFilter());
        environment.jersey().register(new BodySizeLimitFilter(maxBodyBytes));
        allowCrossOrigin(environment, corsOrigins);
    }

    /**
     * CORS stays off unless origins are configured; then Jetty's CrossOriginHandler answers preflights for
     * exactly those origins, for bearer-token calls (no cookies, so no credentials mode).
     */
    private static void allowCrossOrigin(Environment environment, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
        cors.setAllowedMethods(Set.of("GET", "POST", "PATCH", "DELETE"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofMinutes(10));
        environment.getApplicationContext().insertHandler(cors);
    }
}
