package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;

/**
 * Every way the services reach the database, made once at start over the request pool and handed to each
 * service by the application as constructor arguments: the on-demand DAOs for single statements, the
 * hand-written queries of the hot paths ({@link CallerLookup}, {@link CallerReads}, {@link AddressWindows},
 * {@link Lockouts}), and
 * {@link Transactions} for work that spans statements. No service builds its own.
 */
public record Storage(
        UserDao users,
        SessionDao sessions,
        Lockouts accountLocks,
        DeviceTokenDao deviceTokens,
        Lockouts deviceLocks,
        CallerLookup callers,
        CallerReads reads,
        AddressWindows loginFailures,
        AddressWindows registrations,
        SigningKeyDao signingKeys,
        AuditDao audit,
        MailOutboxDao outbox,
        AccountTokenDao accountTokens,
        AddressWindows mailRequestsByAddress,
        AddressWindows mailRequestsByAccount,
        Transactions transactions) {

    /** Every read and write straight to the database. */
    public static Storage over(Jdbi jdbi) {
        CallerLookup callers = new CallerLookup(jdbi);
        return new Storage(jdbi.onDemand(UserDao.class), jdbi.onDemand(SessionDao.class),
                new Lockouts(jdbi, Lockouts.Kind.ACCOUNTS), jdbi.onDemand(DeviceTokenDao.class),
                new Lockouts(jdbi, Lockouts.Kind.DEVICES), callers, new DatabaseReads(callers, new LiveSessions(jdbi)),
                new AddressWindows(jdbi, AddressWindows.Kind.LOGIN_FAILURES),
                new AddressWindows(jdbi, AddressWindows.Kind.REGISTRATIONS), jdbi.onDemand(SigningKeyDao.class),
                jdbi.onDemand(AuditDao.class), jdbi.onDemand(MailOutboxDao.class), jdbi.onDemand(AccountTokenDao.class),
                new AddressWindows(jdbi, AddressWindows.Kind.MAIL_REQUESTS_BY_ADDRESS),
                new AddressWindows(jdbi, AddressWindows.Kind.MAIL_REQUESTS_BY_ACCOUNT), new Transactions(jdbi));
    }

    /**
     * This storage with the authenticated reads served by {@code cache} (built over this storage's
     * {@code reads()}), and every write of this instance over {@code jdbi} reported to {@code freshness}
     * once committed, so that a change made here is enforced on the next request. PostgreSQL only: the
     * cache needs a {@link ChangeFeed} on the same database, which the caller starts.
     */
    public Storage remembering(Jdbi jdbi, CallerCache cache, Freshness freshness) {
        WriteMarks.install(jdbi, freshness, cache);
        return new Storage(users, sessions, accountLocks, deviceTokens, deviceLocks, callers, cache, loginFailures,
                registrations, signingKeys, audit, outbox, accountTokens, mailRequestsByAddress, mailRequestsByAccount,
                new Transactions(jdbi, freshness::writeCommitted));
    }
}
