package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;

/**
 * Every way the services reach the database, made once at start over the request pool and handed to each
 * service by the application as constructor arguments: the on-demand DAOs for single statements, the
 * hand-written queries of the hot paths ({@link CallerLookup}, {@link LiveSessions}, {@link AddressWindows}), and
 * {@link Transactions} for work that spans statements. No service builds its own.
 */
public record Storage(
        UserDao users,
        SessionDao sessions,
        ThrottleDao throttle,
        CallerLookup callers,
        LiveSessions liveSessions,
        AddressWindows loginFailures,
        AddressWindows registrations,
        Transactions transactions) {

    public static Storage over(Jdbi jdbi) {
        return new Storage(jdbi.onDemand(UserDao.class), jdbi.onDemand(SessionDao.class),
                jdbi.onDemand(ThrottleDao.class), new CallerLookup(jdbi), new LiveSessions(jdbi),
                new AddressWindows(jdbi, AddressWindows.Kind.LOGIN_FAILURES),
                new AddressWindows(jdbi, AddressWindows.Kind.REGISTRATIONS), new Transactions(jdbi));
    }
}
