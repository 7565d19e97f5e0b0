package org.portcullis.api;

import java.util.List;

/**
 * The stable names of the endpoint timers. Jersey's {@code @Timed} support keeps four timers per method:
 * the method alone ({@code usersMe}), its request and response filters, and {@code usersMe.total}, the
 * whole request from routing to response, authentication filter included. Only the total is what a client
 * waits for, so budgets, tests and Prometheus use {@link #total(String)}.
 *
 * <p>The names Resources use them in {@code @Timed(absolute = true)}, the
 * latency budgets of config.yml are keyed by the short name, and dashboards and alert rules depend on the
 * full one, so renaming a constant here is a breaking change for operators.
 */
public final class EndpointTimers {
    public static final String PREFIX = "portcullis.endpoint.";

    public static final String HEALTH = PREFIX + "health";
    public static final String OPENAPI = PREFIX + "openapi";
    public static final String REGISTER = PREFIX + "register";
    public static final String LOGIN = PREFIX + "login";
    public static final String REFRESH = PREFIX + "refresh";
    public static final String LOGOUT = PREFIX + "logout";
    public static final String LOGOUT_ALL = PREFIX + "logoutAll";
    public static final String SESSIONS_LIST = PREFIX + "sessionsList";
    public static final String SESSION_REVOKE = PREFIX + "sessionRevoke";
    public static final String USERS_ME = PREFIX + "usersMe";
    public static final String UPDATE_ME = PREFIX + "updateMe";
    public static final String CHANGE_PASSWORD = PREFIX + "changePassword";
    public static final String JWKS = PREFIX + "jwks";
    public static final String SERVER_METADATA = PREFIX + "serverMetadata";
    public static final String INTROSPECT = PREFIX + "introspect";
    public static final String REVOKE_TOKEN = PREFIX + "revokeToken";
    public static final String PASSWORD_RESET = PREFIX + "passwordReset";
    public static final String PASSWORD_RESET_CONFIRM = PREFIX + "passwordResetConfirm";
    public static final String VERIFY_EMAIL_CONFIRM = PREFIX + "verifyEmailConfirm";
    public static final String VERIFY_EMAIL_REQUEST = PREFIX + "verifyEmailRequest";

    public static final List<String> ALL = List.of(HEALTH, OPENAPI, REGISTER, LOGIN, REFRESH, LOGOUT, LOGOUT_ALL,
            SESSIONS_LIST, SESSION_REVOKE, USERS_ME, UPDATE_ME, CHANGE_PASSWORD, JWKS, SERVER_METADATA, INTROSPECT,
            REVOKE_TOKEN, PASSWORD_RESET, PASSWORD_RESET_CONFIRM, VERIFY_EMAIL_CONFIRM, VERIFY_EMAIL_REQUEST);

    private EndpointTimers() {
    }

    /** True if {@code shortName} is the short name of one of the timers above. */
    public static boolean isShortName(String shortName) {
        return ALL.contains(named(shortName));
    }

    /** The whole-request timer of an endpoint timer name. */
    public static String total(String name) {
        return name + ".total";
    }

    /** The full timer name of a short name such as {@code usersMe}. */
    public static String named(String shortName) {
        return PREFIX + shortName;
    }
}
