package org.portcullis;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import org.portcullis.config.AdminSettings;
import org.portcullis.http.AuditPage;
import org.portcullis.http.admin.AdminPort;
import org.portcullis.tasks.PurgeExpiredTask;
import org.portcullis.tasks.RevokeSessionsTask;
import org.portcullis.tasks.UnlockAccountTask;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The purge on its schedule, the operator's tasks on the admin port behind its guards, and the audit trail
 * there (README: "Operating").
 */
final class OperatorActions {
    private OperatorActions() {
    }

    static void install(Environment environment, Services services, Duration purgeInterval, AdminSettings admin,
                        int auditMaxPage, Clock clock) {
        schedulePurge(environment, services, purgeInterval);
        AdminPort.install(environment, admin.getUser(), admin.getPassword(), admin.getUnlocksPerMinute(), clock);
        environment.admin().addServlet("audit", new AuditPage(services.audit(), environment.getObjectMapper(),
                auditMaxPage)).addMapping("/audit");
        environment.admin().addTask(new PurgeExpiredTask(services.purge()));
        environment.admin().addTask(new UnlockAccountTask(services.administration()));
        environment.admin().addTask(new RevokeSessionsTask(services.administration()));
    }

    /**
     * The purge every interval on one lifecycle-managed thread, stopped with the server. The first run is
     * one interval after start, so instances restarted together do not all purge at once.
     */
    private static void schedulePurge(Environment environment, Services services, Duration interval) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("purge-%d")
                .threads(1).build();
        long millis = interval.toMilliseconds();
        executor.scheduleWithFixedDelay(services.purge()::purgeOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
    }
}
