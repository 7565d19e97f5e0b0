package org.portcullis.service;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import org.portcullis.db.AuditDao;
import org.portcullis.db.AccountTokenDao;
import org.portcullis.db.MailOutboxDao;
import org.portcullis.db.SessionDao;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The purge's cutoffs, counts and metrics, against recording stand-ins for the tables. */
class PurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final MetricRegistry metrics = new MetricRegistry();
    private final List<Instant> sessionCutoffs = new ArrayList<>();

    /** A SessionDao whose purge records its cutoff and reports {@code removed} rows; nothing else is called. */
    private SessionDao sessionsRemoving(int removed) {
        return (SessionDao) Proxy.newProxyInstance(SessionDao.class.getClassLoader(), new Class<?>[]{SessionDao.class},
                (proxy, method, args) -> {
                    assertThat(method.getName()).isEqualTo("deleteEndedBefore");
                    sessionCutoffs.add((Instant) args[0]);
                    return removed;
                });
    }

    /** An audit trail whose DAO records the purge's cutoffs and reports 4 events removed each time. */
    private final List<Instant> auditCutoffs = new ArrayList<>();
    private final List<Instant> mailCutoffs = new ArrayList<>();
    private final List<Instant> tokenCutoffs = new ArrayList<>();

    /** A stand-in for a DAO of which the purge calls only {@code method}: records its cutoff, reports {@code removed}. */
    private <T> T removing(Class<T> dao, String method, List<Instant> cutoffs, int removed) {
        return dao.cast(Proxy.newProxyInstance(dao.getClassLoader(), new Class<?>[]{dao}, (proxy, called, args) -> {
            assertThat(called.getName()).isEqualTo(method);
            cutoffs.add((Instant) args[0]);
            return removed;
        }));
    }

    private Purge purge(SessionDao sessions, List<Purge.ThrottleTable> tables) {
        return new Purge(sessions, removing(MailOutboxDao.class, "deleteFinishedBefore", mailCutoffs, 4),
                removing(AccountTokenDao.class, "deleteExpiredBefore", tokenCutoffs, 1), tables, Duration.ofDays(7),
                new AuditTrail(removing(AuditDao.class, "deleteBefore", auditCutoffs, 4)), Duration.ofDays(90),
                Clock.fixed(NOW, ZoneOffset.UTC), metrics);
    }

    @Test
    void sessionsGoAfterTheRetentionAndThrottleRowsWhenTheirOwnWindowHasClosed() {
        List<Duration> addressWindows = new ArrayList<>();
        List<Duration> registrationWindows = new ArrayList<>();
        Purge purge = purge(sessionsRemoving(3), List.of(
                new Purge.ThrottleTable("client_failures", Duration.ofMinutes(15), window -> {
                    addressWindows.add(window);
                    return 2;
                }),
                new Purge.ThrottleTable("registrations", Duration.ofHours(1), window -> {
                    registrationWindows.add(window);
                    return 5;
                })));

        assertThat(purge.purgeExpired()).isEqualTo(new Purge.Removed(3, 7, 4, 1, 4));
        assertThat(purge.purgeExpired()).isEqualTo(new Purge.Removed(3, 7, 4, 1, 4));
        assertThat(auditCutoffs).containsOnly(NOW.minus(Duration.ofDays(90))).hasSize(2);
        assertThat(metrics.counter("portcullis.purge.audit_events_removed").getCount()).isEqualTo(8);

        assertThat(sessionCutoffs).containsExactly(NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(7)));
        assertThat(addressWindows).containsOnly(Duration.ofMinutes(15)).hasSize(2);
        assertThat(registrationWindows).containsOnly(Duration.ofHours(1)).hasSize(2);
        assertThat(mailCutoffs).as("sent and failed mails after the retention")
                .containsOnly(NOW.minus(Duration.ofDays(7))).hasSize(2);
        assertThat(tokenCutoffs).as("mailed tokens the retention after they expired")
                .containsOnly(NOW.minus(Duration.ofDays(7))).hasSize(2);
        assertThat(metrics.counter("portcullis.purge.sessions_removed").getCount()).isEqualTo(6);
        assertThat(metrics.counter("portcullis.purge.throttle_rows_removed").getCount()).isEqualTo(14);
    }

    @Test
    void aFailedScheduledRunIsLoggedNotThrownSoLaterRunsStillHappen() {
        Purge purge = purge(sessionsRemoving(1), List.of(new Purge.ThrottleTable("client_failures",
                Duration.ofMinutes(15), window -> {
                    throw new IllegalStateException("database down");
                })));

        assertThatThrownBy(purge::purgeExpired).hasMessage("database down");
        purge.purgeOnSchedule();
        assertThat(sessionCutoffs).hasSize(2);
    }
}
