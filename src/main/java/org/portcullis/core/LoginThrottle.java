package org.portcullis.core;

import org.jdbi.v3.core.Jdbi;
import org.portcullis.config.LockoutSettings;
import org.portcullis.db.ThrottleDao;
import org.portcullis.db.UniqueViolation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brute-force protection, kept in the database so every instance behind a load balancer enforces the same
 * limits. Only failures count: a successful login is never slowed, and it clears the account's record.
 *
 * <p>Per account: {@code maxFailures} consecutive failures lock it for the first lock time, doubling with
 * each renewed lock up to the maximum; while locked even the right password gets 429, and no bcrypt work is
 * spent. Per client address: at most {@code addressMaxFailures} failures per window across all accounts,
 * so one address cannot walk through many accounts just under each account's limit.
 */
public final class LoginThrottle {
    /** Expired address windows are swept at most this often per instance. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final ThrottleDao throttle;
    private final LockoutSettings settings;
    private final Clock clock;
    private final AtomicLong nextSweep = new AtomicLong();

    public LoginThrottle(Jdbi jdbi, LockoutSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.throttle = jdbi.onDemand(ThrottleDao.class);
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses an address that has used up its failures for the current window. */
    public void checkAddress(String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.getAddressWindow().toJavaDuration());
        Optional<ThrottleDao.AddressWindow> window = throttle.currentWindow(address, windowStart);
        if (window.isPresent() && window.get().failures() >= settings.getAddressMaxFailures()) {
            Instant reopens = window.get().started().plus(settings.getAddressWindow().toJavaDuration());
            throw new RetryLaterException(DomainException.Kind.TOO_MANY_ATTEMPTS, "Too many failed logins from this address; try again later",
                    secondsUntil(reopens, now));
        }
    }

    /** Refuses a locked account, before any password work. */
    public void checkAccount(Account account) {
        Instant now = clock.instant();
        Instant until = account.lockedUntil();
        if (until != null && until.isAfter(now)) {
            throw new RetryLaterException(DomainException.Kind.TOO_MANY_ATTEMPTS,
                    "Too many failed logins for this account; try again later", secondsUntil(until, now));
        }
    }

    /** Records a failed login: against the account if there is one, and always against the address. */
    public void recordFailure(Account accountOrNull, String address) {
        Instant now = clock.instant();
        if (accountOrNull != null) {
            jdbi.useTransaction(handle -> {
                ThrottleDao dao = handle.attach(ThrottleDao.class);
                dao.countFailure(accountOrNull.id());
                ThrottleDao.FailureCount count = dao.failureCount(accountOrNull.id());
                if (count.failures() >= settings.getMaxFailures()) {
                    dao.lock(accountOrNull.id(), now.plus(lockDuration(settings, count.locks())));
                }
            });
        }
        countAddressFailure(address, now);
    }

    /** Clears the account's failures and lock history after a successful login. */
    public void recordSuccess(Account account) {
        throttle.clear(account.id());
    }

    /** The lock after {@code previousLocks} earlier ones: first lock, doubled each time, capped. */
    static Duration lockDuration(LockoutSettings settings, int previousLocks) {
        Duration first = settings.getFirstLock().toJavaDuration();
        Duration max = settings.getMaxLock().toJavaDuration();
        Duration lock = first.multipliedBy(1L << Math.min(previousLocks, 20));
        return lock.compareTo(max) > 0 ? max : lock;
    }

    private void countAddressFailure(String address, Instant now) {
        Instant windowStart = now.minus(settings.getAddressWindow().toJavaDuration());
        if (throttle.countAddressFailure(address, windowStart, now) == 0) {
            try {
                throttle.insertAddressFailure(address, now);
            } catch (RuntimeException e) {
                if (!UniqueViolation.isCausedBy(e)) {
                    throw e;
                }
                // Another request opened the window first: count ours in it.
                throttle.countAddressFailure(address, windowStart, now);
            }
            sweep(now, windowStart);
        }
    }

    private void sweep(Instant now, Instant windowStart) {
        long due = nextSweep.get();
        if (now.toEpochMilli() >= due && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL).toEpochMilli())) {
            throttle.forgetAddressesBefore(windowStart);
        }
    }

    private static long secondsUntil(Instant until, Instant now) {
        return (Duration.between(now, until).toMillis() + 999) / 1000;
    }
}
