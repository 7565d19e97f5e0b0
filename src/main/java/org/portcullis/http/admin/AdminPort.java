package org.portcullis.http.admin;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import java.time.Clock;
import java.util.EnumSet;

/**
 * Puts the admin port's guards in front of its servlet, in this order: credentials (when configured), so a
 * caller without them learns nothing and spends no unlock; then no browser-sent task requests; then the
 * unlock-account limit. The connector itself binds to 127.0.0.1 unless ADMIN_BIND_HOST says otherwise
 * (config.yml).
 */
public final class AdminPort {
    private AdminPort() {
    }

    /**
     * @param user             HTTP Basic user; empty (with an empty password) for no credentials
     * @param unlocksPerMinute unlock-account calls allowed in any 60 s
     * @param clock            the application's clock (a test moves it instead of waiting a minute)
     */
    public static void install(Environment environment, String user, String password, int unlocksPerMinute,
                               Clock clock) {
        if (!user.isEmpty()) {
            add(environment, "admin-credentials", new AdminCredentials(user, password), "/*");
        }
        add(environment, "task-origins", new TaskOrigins(), "/tasks/*");
        add(environment, "unlock-limit", new UnlockLimit(unlocksPerMinute, clock), "/tasks/unlock-account");
    }

    private static void add(Environment environment, String name, Filter filter, String path) {
        environment.admin().addFilter(name, filter)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, path);
    }
}
