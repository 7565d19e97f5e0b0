package org.portcullis.service;

import org.portcullis.db.AccountTokenDao;
import org.portcullis.db.Transactions;
import org.portcullis.db.UniqueViolation;
import org.portcullis.domain.Account;
import org.portcullis.domain.Caller;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.TokenPurpose;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Proof that an account's owner reads its address: registration mails a link (AccountService), following
 * it sets {@code email_verified}, and a signed-in user whose link expired asks for a fresh one (limited per
 * account). Tokens are single use, as for password resets.
 */
public final class EmailVerification {
    private static final String INVALID = "The verification link is invalid, used or expired";

    private final AccountTokenDao tokens;
    private final Transactions transactions;
    private final AccountMail mail;
    private final MailRequestThrottle throttle;
    private final Clock clock;

    public EmailVerification(AccountTokenDao tokens, Transactions transactions, AccountMail mail,
                             MailRequestThrottle throttle, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.mail = mail;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** @throws DomainException INVALID_REQUEST (400) for a token that is wrong, spent or expired */
    public void confirm(String token) {
        String tokenHash = AccountTokens.hash(token);
        Instant now = clock.instant();
        UUID userId = tokens.liveOwner(tokenHash, TokenPurpose.VERIFY_EMAIL.stored(), now)
                .orElseThrow(EmailVerification::invalid);
        boolean verified = transactions.inTransaction(transaction -> {
            if (transaction.accountTokens().spend(tokenHash, TokenPurpose.VERIFY_EMAIL.stored(), userId, now) == 0) {
                return false;
            }
            transaction.users().markEmailVerified(userId, now);
            return true;
        });
        if (!verified) {
            throw invalid();
        }
    }

    /**
     * Mails the caller a fresh link, replacing the previous one.
     *
     * @throws DomainException CONFLICT (409) when the address is verified already, 429 over the account's limit
     */
    public void sendAgain(Caller caller) {
        Account account = caller.account();
        if (account.emailVerified()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Email address is already verified");
        }
        throttle.claimForAccount(account.id());
        try {
            transactions.useTransaction(transaction -> mail.verification(transaction, account));
        } catch (RuntimeException e) {
            // A concurrent request issued the account's token at this very moment: that one is mailed.
            if (!UniqueViolation.isCausedBy(e)) {
                throw e;
            }
        }
    }

    private static DomainException invalid() {
        return new DomainException(DomainException.Kind.INVALID_REQUEST, INVALID);
    }
}
