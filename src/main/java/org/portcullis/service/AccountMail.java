package org.portcullis.service;

import org.portcullis.db.Transactions;
import org.portcullis.domain.Account;
import org.portcullis.domain.TokenPurpose;

import java.time.Duration;
import java.util.Map;

/**
 * The mails an account receives, each queued in the transaction of the change it belongs to: a password
 * reset link, an address verification link (each with a fresh single-use token that replaces the previous
 * one), and the notice that the password changed (OWASP ASVS 2.2.3). The links are the configured
 * templates with {@code {token}} replaced; they are never logged.
 */
public final class AccountMail {
    /** Link templates (config.yml {@code mail.links}); each contains {@code {token}}. */
    public record Links(String passwordReset, String verifyEmail) {
    }

    private final Mailer mailer;
    private final AccountTokens tokens;
    private final Links links;
    private final Duration resetLifetime;
    private final Duration verificationLifetime;

    public AccountMail(Mailer mailer, AccountTokens tokens, Links links, Duration resetLifetime,
                       Duration verificationLifetime) {
        this.mailer = mailer;
        this.tokens = tokens;
        this.links = links;
        this.resetLifetime = resetLifetime;
        this.verificationLifetime = verificationLifetime;
    }

    public void passwordReset(Transactions.Transaction transaction, Account account) {
        String token = tokens.issue(transaction, account.id(), TokenPurpose.PASSWORD_RESET, resetLifetime);
        mailer.queue(transaction, account.email(), MailTemplates.Template.PASSWORD_RESET, Map.of(
                "first_name", account.firstName(), "link", links.passwordReset().replace("{token}", token),
                "lifetime", spoken(resetLifetime)));
    }

    public void verification(Transactions.Transaction transaction, Account account) {
        String token = tokens.issue(transaction, account.id(), TokenPurpose.VERIFY_EMAIL, verificationLifetime);
        mailer.queue(transaction, account.email(), MailTemplates.Template.VERIFY_EMAIL, Map.of(
                "first_name", account.firstName(), "link", links.verifyEmail().replace("{token}", token),
                "lifetime", spoken(verificationLifetime)));
    }

    public void passwordChanged(Transactions.Transaction transaction, Account account) {
        mailer.queue(transaction, account.email(), MailTemplates.Template.PASSWORD_CHANGED,
                Map.of("first_name", account.firstName(), "email", account.email()));
    }

    /** "30 minutes", "24 hours", "1 hour": how long a link lives, as the mail says it. */
    static String spoken(Duration lifetime) {
        if (lifetime.toMinutes() % 60 == 0) {
            long hours = lifetime.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = lifetime.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
