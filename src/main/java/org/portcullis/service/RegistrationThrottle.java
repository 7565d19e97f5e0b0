package org.portcullis.service;

import org.portcullis.db.AddressWindows;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.time.Duration;

/**
 * Registrations per client address (IPv6 by prefix), counted in the database for every instance. Each
 * registration costs a full bcrypt hash, so without a limit one client could keep the bcrypt pool busy and
 * turn every login into a 503. A registration is claimed before its hash; only one whose hash was never
 * computed (the pool refused it) is given back.
 */
public final class RegistrationThrottle {
    private final AddressWindows windows;
    private final AddressBucket buckets;
    private final int perAddress;
    private final Duration window;

    /** @param windows the {@link AddressWindows.Kind#REGISTRATIONS} windows */
    public RegistrationThrottle(AddressWindows windows, AddressBucket buckets, int perAddress, Duration window) {
        this.windows = windows;
        this.buckets = buckets;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** @throws RetryLaterException (429) when the address has used up its registrations for the window */
    public void claim(String address) {
        AddressWindows.Claim claim = windows.claim(buckets.of(address), window, perAddress);
        if (!claim.granted()) {
            throw RetryLaterException.after(DomainException.Kind.TOO_MANY_ATTEMPTS,
                    "Too many registrations from this address; try again later", claim.retryAfter());
        }
    }

    /** Gives back a claim whose registration never reached its hash. */
    public void giveBack(String address) {
        windows.release(buckets.of(address), window);
    }
}
