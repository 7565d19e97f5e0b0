package org.portcullis.load;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The HTTP protocol and the requests the simulations share. Request names are the figures' names in the
 * Gatling report and in the assertions. Each virtual user keeps its own keep-alive connection (Gatling's
 * default), so 32 users are 32 connections, as 32 clients would be.
 */
final class PortcullisRequests {
    static final String USERS_ME = "users/me";
    static final String SESSIONS_ME = "sessions/me";
    static final String HEALTH = "health";
    static final String REFRESH = "refresh";
    static final String LOGIN = "login";

    private PortcullisRequests() {
    }

    static HttpProtocolBuilder protocol(LoadSettings settings) {
        return http.baseUrl(settings.baseUrl().toString())
                .acceptHeader("application/json")
                .userAgentHeader("portcullis-loadtest")
                // No request to an outside host before the run (gatling.conf says so too), and no client
                // cache in front of the service: every request reaches it.
                .disableWarmUp()
                .disableCaching();
    }

    /** GET /api/v1/users/me with the virtual user's access token. */
    static HttpRequestActionBuilder usersMe() {
        return http(USERS_ME).get("/api/v1/users/me")
                .header("Authorization", "Bearer #{accessToken}")
                .check(status().is(200));
    }

    /** Session keys of {@link #usersMeOrShed}: the status and Gatling's response time in ms. */
    static final String STATUS = "usersMeStatus";
    static final String RESPONSE_MILLIS = "usersMeMillis";

    /**
     * GET /api/v1/users/me under overload: 200, or 503 with Retry-After from the concurrency limit; anything
     * else is an error. The status and the response time are kept in the session.
     */
    static HttpRequestActionBuilder usersMeOrShed() {
        return http(USERS_ME).get("/api/v1/users/me")
                .header("Authorization", "Bearer #{accessToken}")
                .check(status().in(200, 503).saveAs(STATUS), responseTimeInMillis().saveAs(RESPONSE_MILLIS))
                .checkIf((response, session) -> response.status().code() == 503)
                .then(header("Retry-After").exists());
    }

    static HttpRequestActionBuilder sessionsMe() {
        return http(SESSIONS_ME).get("/api/v1/sessions/me")
                .header("Authorization", "Bearer #{accessToken}")
                .check(status().is(200));
    }

    static HttpRequestActionBuilder health() {
        return http(HEALTH).get("/health").check(status().is(200));
    }

    /** Rotates the virtual user's refresh token: the new pair replaces the old one in its session. */
    static HttpRequestActionBuilder refresh() {
        return http(REFRESH).post("/api/v1/auth/refresh")
                .body(StringBody("{\"refresh_token\":\"#{refreshToken}\"}")).asJson()
                .check(status().is(200),
                        jsonPath("$.access_token").saveAs("accessToken"),
                        jsonPath("$.refresh_token").saveAs("refreshToken"));
    }

    /** A login that must succeed: any status but 200 is an error. */
    static HttpRequestActionBuilder login() {
        return loginRequest().check(status().is(200));
    }

    /**
     * A login under overload: 200, or 503 with Retry-After from the bcrypt bulkhead; anything else is an
     * error. The status is kept in the session as {@code loginStatus}.
     */
    static HttpRequestActionBuilder loginOrBusy() {
        return loginRequest()
                .check(status().in(200, 503).saveAs("loginStatus"))
                .checkIf((response, session) -> response.status().code() == 503)
                .then(header("Retry-After").exists());
    }

    private static HttpRequestActionBuilder loginRequest() {
        return http(LOGIN).post("/api/v1/auth/login")
                .body(StringBody("{\"email\":\"#{email}\",\"password\":\"#{password}\",\"device_name\":\"loadtest\"}"))
                .asJson();
    }
}
