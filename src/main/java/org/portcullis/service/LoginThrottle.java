package org.portcullis.service;

import org.portcullis.db.AddressWindows;
import org.portcullis.db.Lockouts;
import org.portcullis.domain.Account;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Brute-force protection, kept in the database so every instance behind a load balancer enforces the same
 * limits, and timed by the database's clock so instances whose clocks drift agree on when a lock or a window
 * ends. Only failures count: a successful login is never slowed, and it clears the account's record.
 *
 * <p>Per account: {@code maxFailures} consecutive failures lock it for the first lock time, doubling with
 * each renewed lock up to the maximum; while locked even the right password gets 429, and no bcrypt work is
 * spent. Per client address (IPv6 by prefix, see {@link AddressBucket}): at most {@code addressMaxFailures}
 * failures per window across all accounts, so one address cannot walk through many accounts just under each
 * account's limit.
 *
 * <p>Known devices (OWASP "device cookies", {@link KnownDevices}): a login that presents a live device token
 * of its account is counted on that token alone, at most {@code deviceMaxFailures} failures before the
 * token is locked. It is neither refused by nor counted in the address's window or the account's count, so
 * what unknown clients do (guess one account's password, or fill a shared address with made-up emails)
 * never locks the owner out of a device it has logged in from before. A success on a known device leaves
 * the account's count as unknown clients left it.
 *
 * <p>An attempt is claimed <em>before</em> its bcrypt check, with one conditional UPDATE per limit, and the
 * claim is settled afterwards: a failure keeps it, a success or an attempt that never got checked gives it
 * back. Checking first and counting after the ~0.3 s check would let every attempt already in flight through,
 * on every instance; claiming first means that of any number of parallel guesses at most {@code maxFailures}
 * reach bcrypt before the lock. The claim that fills an account's count also locks it, in the same
 * statement ({@link Lockouts}): a failure writes nothing more, so no failed write can leave a full count
 * without a lock that ends.
 */
public final class LoginThrottle {
    /**
     * The limits (config.yml's {@code lockout}): per account {@code maxFailures} failures, then a lock of
     * {@code firstLock} that doubles with each renewed lock up to {@code maxLock}; per address
     * {@code addressMaxFailures} failures per {@code addressWindow}; per known device
     * {@code deviceMaxFailures} failures, then locks timed as the account's.
     */
    public record Limits(int maxFailures, Duration firstLock, Duration maxLock, int addressMaxFailures,
                         Duration addressWindow, int deviceMaxFailures) {
        Lockouts.Schedule accountSchedule() {
            return new Lockouts.Schedule(maxFailures, firstLock, maxLock);
        }

        Lockouts.Schedule deviceSchedule() {
            return new Lockouts.Schedule(deviceMaxFailures, firstLock, maxLock);
        }
    }

    private final Lockouts accounts;
    private final Lockouts devices;
    private final AddressWindows addresses;
    private final AddressBucket buckets;
    private final Limits limits;

    /**
     * @param accounts          the {@link Lockouts.Kind#ACCOUNTS} counters
     * @param devices           the {@link Lockouts.Kind#DEVICES} counters
     * @param failuresByAddress the {@link AddressWindows.Kind#LOGIN_FAILURES} windows
     */
    public LoginThrottle(Lockouts accounts, Lockouts devices, AddressWindows failuresByAddress, Limits limits,
                         AddressBucket buckets) {
        this.accounts = accounts;
        this.devices = devices;
        this.addresses = failuresByAddress;
        this.buckets = buckets;
        this.limits = limits;
    }

    /**
     * Claims a login attempt at {@code account} from the known device {@code deviceHash} (recognised by
     * {@link KnownDevices}): only the device counts. A device whose token was spent meanwhile by a
     * concurrent login is an unknown client after all.
     *
     * @throws RetryLaterException (429) when the device, or for an unknown client the address or the account,
     *                             has no attempt left
     */
    public Claim claimKnownDeviceLogin(String deviceHash, String address, Account account) {
        if (devices.claim(deviceHash, limits.deviceSchedule())) {
            return new Claim(null, null, deviceHash);
        }
        Optional<Duration> locked = devices.lockedFor(deviceHash);
        if (locked.isPresent()) {
            throw RetryLaterException.after(DomainException.Kind.TOO_MANY_ATTEMPTS,
                    "Too many failed logins from this device; try again later", locked.get());
        }
        return claimLogin(address, account);
    }

    /**
     * Claims a login attempt of an unknown client from {@code address} at {@code accountOrNull} (null: no
     * such account, only the address counts).
     *
     * @throws RetryLaterException (429) when the address or the account has no attempt left
     */
    public Claim claimLogin(String address, Account accountOrNull) {
        String bucket = buckets.of(address);
        AddressWindows.Claim byAddress = addresses.claim(bucket, limits.addressWindow(), limits.addressMaxFailures());
        if (!byAddress.granted()) {
            throw RetryLaterException.after(DomainException.Kind.TOO_MANY_ATTEMPTS,
                    "Too many failed logins from this address; try again later", byAddress.retryAfter());
        }
        if (accountOrNull == null) {
            return new Claim(bucket, null, null);
        }
        try {
            claimAccountAttempt(accountOrNull.id());
        } catch (RuntimeException refused) {
            addresses.release(bucket, limits.addressWindow());
            throw refused;
        }
        return new Claim(bucket, accountOrNull.id(), null);
    }

    /**
     * Claims a check of the account's password outside a login (a password change): only the account counts.
     *
     * @throws RetryLaterException (429) when the account is locked
     */
    public Claim claimPasswordCheck(Account account) {
        claimAccountAttempt(account.id());
        return new Claim(null, account.id(), null);
    }

    private void claimAccountAttempt(UUID accountId) {
        if (accounts.claim(accountId, limits.accountSchedule())) {
            return;
        }
        // The lock's end by the database's clock; none left if it has just ended or been lifted.
        Duration wait = accounts.lockedFor(accountId).orElse(Duration.ZERO);
        throw RetryLaterException.after(DomainException.Kind.TOO_MANY_ATTEMPTS,
                "Too many failed logins for this account; try again later", wait);
    }

    /**
     * One claimed attempt, settled once: {@link #failed()}, {@link #succeeded()}, or, if neither was called,
     * given back by {@link #close()} (the check never happened: the bcrypt pool refused it, the database
     * failed). Use it in try-with-resources.
     */
    public final class Claim implements AutoCloseable {
        private final String bucket;
        private final UUID accountId;
        private final String device;
        private boolean settled;

        private Claim(String bucketOrNull, UUID accountIdOrNull, String deviceOrNull) {
            this.bucket = bucketOrNull;
            this.accountId = accountIdOrNull;
            this.device = deviceOrNull;
        }

        /**
         * The password was wrong: the attempt stays counted. Nothing is written: if it was the account's (or
         * the device's) last attempt, its claim has already locked it.
         */
        public void failed() {
            settled = true;
        }

        /**
         * The password was right: what was counted starts afresh (the account or the device) and the address
         * gets its attempt back.
         */
        public void succeeded() {
            settled = true;
            if (accountId != null) {
                accounts.clear(accountId);
            }
            if (device != null) {
                devices.clear(device);
            }
            releaseAddress();
        }

        /**
         * For a failed attempt: how long the account (or the known device) is now locked, if this attempt's
         * claim filled its count. Read once, after the check, and only for failures: those are bounded by
         * the limits themselves.
         */
        public Optional<Duration> lockedBy() {
            if (accountId != null) {
                return accounts.lockedFor(accountId);
            }
            return device != null ? devices.lockedFor(device) : Optional.empty();
        }

        /** Gives back an attempt that was neither a failure nor a success, with the lock it may have set. */
        @Override
        public void close() {
            if (settled) {
                return;
            }
            settled = true;
            if (accountId != null) {
                accounts.release(accountId);
            }
            if (device != null) {
                devices.release(device);
            }
            releaseAddress();
        }

        private void releaseAddress() {
            if (bucket != null) {
                addresses.release(bucket, limits.addressWindow());
            }
        }
    }
}
