package org.portcullis.service;

import org.portcullis.db.AddressWindows;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.RetryLaterException;

import java.time.Duration;
import java.util.UUID;

/**
 * How much mail a client can make the service send, counted in the database windows every instance shares
 * ({@link AddressWindows}, as registrations are): per client address (IPv6 by prefix), so one client cannot
 * mail-bomb many inboxes or fill the outbox, and per account, so nobody's inbox is flooded by requests from
 * many addresses. Each request is claimed, never given back: the mail it asked for is on its way, or was
 * refused precisely to stop this.
 */
public final class MailRequestThrottle {
    /** Per address and per account, each per window (config.yml {@code mail.requests}). */
    public record Limits(int perAddress, int perAccount, Duration window) {
    }

    private final AddressWindows byAddress;
    private final AddressWindows byAccount;
    private final AddressBucket buckets;
    private final Limits limits;

    public MailRequestThrottle(AddressWindows byAddress, AddressWindows byAccount, AddressBucket buckets,
                               Limits limits) {
        this.byAddress = byAddress;
        this.byAccount = byAccount;
        this.buckets = buckets;
        this.limits = limits;
    }

    /** @throws RetryLaterException (429) when the client address has asked for its window's share */
    public void claimForAddress(String address) {
        AddressWindows.Claim claim = byAddress.claim(buckets.of(address), limits.window(), limits.perAddress());
        if (!claim.granted()) {
            throw RetryLaterException.after(DomainException.Kind.TOO_MANY_ATTEMPTS,
                    "Too many mail requests from this address; try again later", claim.retryAfter());
        }
    }

    /** Whether the account may be sent one more requested mail in its window (counted if so). */
    public boolean tryForAccount(UUID accountId) {
        return claimAccount(accountId).granted();
    }

    /** @throws RetryLaterException (429) when the account has been sent its window's share */
    public void claimForAccount(UUID accountId) {
        AddressWindows.Claim claim = claimAccount(accountId);
        if (!claim.granted()) {
            throw RetryLaterException.after(DomainException.Kind.TOO_MANY_ATTEMPTS,
                    "Too many mails requested for this account; try again later", claim.retryAfter());
        }
    }

    private AddressWindows.Claim claimAccount(UUID accountId) {
        return byAccount.claim(accountId.toString(), limits.window(), limits.perAccount());
    }
}
