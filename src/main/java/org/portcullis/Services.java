package org.portcullis;

import io.dropwizard.core.setup.Environment;
import org.portcullis.config.BulkheadSettings;
import org.portcullis.config.LockoutSettings;
import org.portcullis.config.MailSettings;
import org.portcullis.config.PasswordSettings;
import org.portcullis.config.TokenSettings;
import org.portcullis.db.AddressWindows;
import org.portcullis.db.Storage;
import org.portcullis.service.AccessTokenAuthenticator;
import org.portcullis.service.AccountMail;
import org.portcullis.service.AccountTokens;
import org.portcullis.service.EmailVerification;
import org.portcullis.service.FileTransport;
import org.portcullis.service.MailRequestThrottle;
import org.portcullis.service.MailTemplates;
import org.portcullis.service.MailTransport;
import org.portcullis.service.Mailer;
import org.portcullis.service.OutboxSender;
import org.portcullis.service.PasswordResets;
import org.portcullis.service.SmtpTransport;
import org.portcullis.service.AccountAdministration;
import org.portcullis.service.AccountService;
import org.portcullis.service.AddressBucket;
import org.portcullis.service.AuditTrail;
import org.portcullis.service.BcryptBulkhead;
import org.portcullis.service.KnownDevices;
import org.portcullis.service.LoginService;
import org.portcullis.service.LoginThrottle;
import org.portcullis.service.PasswordHasher;
import org.portcullis.service.Purge;
import org.portcullis.service.RefreshTokenRotation;
import org.portcullis.service.RegistrationThrottle;
import org.portcullis.service.ResourceServers;
import org.portcullis.service.SessionService;
import org.portcullis.service.TokenIntrospection;
import org.portcullis.service.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The services of one instance, built from the configuration over the database. Settings become plain
 * constructor arguments here, so no service reads a settings class; every service gets its data access
 * from the one {@link Storage}, as constructor arguments too.
 */
public record Services(
        BcryptBulkhead bcrypt,
        AccessTokenAuthenticator authenticator,
        AccountService accounts,
        LoginService logins,
        RefreshTokenRotation rotation,
        SessionService sessions,
        AccountAdministration administration,
        Purge purge,
        TokenSigning signing,
        TokenIntrospection introspection,
        ResourceServers resourceServers,
        AuditTrail audit,
        PasswordResets passwordResets,
        EmailVerification emailVerification,
        OutboxSender outboxSender) {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    static Services build(PortcullisConfiguration config, Storage storage, PasswordHasher hasher, Clock clock,
                          Environment environment) {
        BcryptBulkhead bcrypt = bulkhead(hasher, config.getPasswords().getBulkhead(), environment);
        TokenSettings tokenSettings = config.getTokens();
        AuditTrail audit = new AuditTrail(storage.audit());
        TokenSigning signing = TokenSigning.build(tokenSettings, storage, audit, clock, environment);
        TokenService tokens = signing.tokens();
        LockoutSettings lockout = config.getLockout();
        AddressBucket buckets = new AddressBucket(config.getClients().getIpv6Prefix());
        LoginThrottle throttle = new LoginThrottle(storage.accountLocks(), storage.deviceLocks(),
                storage.loginFailures(), limits(lockout), buckets);
        KnownDevices devices = new KnownDevices(storage.deviceTokens(),
                lockout.getDeviceTokenLifetime().toJavaDuration(), lockout.getDeviceTokensPerUser());
        RegistrationThrottle registrations = new RegistrationThrottle(storage.registrations(), buckets,
                lockout.getRegistrationsPerAddress(), lockout.getRegistrationWindow().toJavaDuration());
        io.dropwizard.util.Duration mailWindow = config.getMail().getRequests().getWindow();
        // Device tokens carry a lock of their own; they go once their lifetime is over, whenever that is.
        List<Purge.ThrottleTable> throttleTables = List.of(
                throttleTable(storage.loginFailures(), lockout.getAddressWindow()),
                throttleTable(storage.registrations(), lockout.getRegistrationWindow()),
                throttleTable(storage.mailRequestsByAddress(), mailWindow),
                throttleTable(storage.mailRequestsByAccount(), mailWindow),
                new Purge.ThrottleTable("device_tokens", java.time.Duration.ZERO,
                        window -> storage.deviceTokens().deleteExpired()));
        MailRequestThrottle mailRequests = mailRequestThrottle(config.getMail(), storage, buckets);
        AccountMail mail = accountMail(config, clock);
        RefreshTokenRotation rotation = new RefreshTokenRotation(storage.callers(), storage.sessions(),
                storage.transactions(), audit, tokens, tokenSettings.getMaxSessionAge().toJavaDuration(), clock);
        return new Services(bcrypt,
                new AccessTokenAuthenticator(tokens, storage.reads(), storage.sessions(), clock),
                new AccountService(storage.users(), storage.transactions(), bcrypt, throttle, registrations, mail,
                        audit, clock),
                new LoginService(storage.users(), storage.transactions(), bcrypt, tokens, throttle, devices, audit, clock,
                        tokenSettings.getMaxSessionsPerUser(), config.getAccounts().isRequireVerifiedEmail()),
                rotation,
                new SessionService(storage.transactions(), storage.reads(), audit, clock),
                new AccountAdministration(storage.users(), storage.accountLocks(), storage.transactions(), audit, clock),
                new Purge(storage.sessions(), storage.outbox(), storage.accountTokens(), throttleTables,
                        config.getPurge().getRetention().toJavaDuration(), audit,
                        config.getAudit().getRetention().toJavaDuration(), clock, environment.metrics()),
                signing,
                new TokenIntrospection(tokens, storage.reads(), rotation, storage.transactions(), audit, clock),
                new ResourceServers(tokenSettings.getIntrospection().getClients()),
                audit,
                passwordResets(config.getMail(), storage, mail, mailRequests, bcrypt, audit, clock, environment),
                new EmailVerification(storage.accountTokens(), storage.transactions(), mail, mailRequests, clock),
                outboxSender(config.getMail(), storage, clock, environment));
    }

    private static MailRequestThrottle mailRequestThrottle(MailSettings mail, Storage storage, AddressBucket buckets) {
        MailSettings.Requests requests = mail.getRequests();
        return new MailRequestThrottle(storage.mailRequestsByAddress(), storage.mailRequestsByAccount(), buckets,
                new MailRequestThrottle.Limits(requests.getPerAddress(), requests.getPerAccount(),
                        requests.getWindow().toJavaDuration()));
    }

    private static AccountMail accountMail(PortcullisConfiguration config, Clock clock) {
        MailSettings.Links links = config.getMail().getLinks();
        return new AccountMail(new Mailer(new MailTemplates(), clock), new AccountTokens(clock),
                new AccountMail.Links(links.getPasswordReset(), links.getVerifyEmail()),
                config.getPasswords().getResetTokenLifetime().toJavaDuration(),
                config.getAccounts().getVerificationTokenLifetime().toJavaDuration());
    }

    /**
     * Reset requests are looked up after their answer, on one lifecycle-managed thread with a bounded queue:
     * each is a lookup and at most one short transaction, so one thread keeps up with far more requests than
     * the address limits let through, and a flood fills the queue (and is dropped) instead of the heap.
     */
    private static PasswordResets passwordResets(MailSettings mail, Storage storage, AccountMail accountMail,
                                                 MailRequestThrottle throttle, BcryptBulkhead bcrypt, AuditTrail audit,
                                                 Clock clock, Environment environment) {
        ExecutorService requests = environment.lifecycle().executorService("password-reset-%d")
                .minThreads(1).maxThreads(1)
                .workQueue(new ArrayBlockingQueue<>(mail.getRequests().getQueueSize()))
                .build();
        return new PasswordResets(storage.users(), storage.accountTokens(), storage.transactions(), accountMail,
                throttle, bcrypt, storage.accountLocks(), audit, requests, clock, environment.metrics());
    }

    /** The outbox sender on its own lifecycle-managed thread, started and stopped with the server. */
    private static OutboxSender outboxSender(MailSettings mail, Storage storage, Clock clock, Environment environment) {
        MailTransport transport = MailSettings.SMTP.equals(mail.getTransport())
                ? new SmtpTransport(new SmtpTransport.Relay(mail.getSmtp().getHost(), mail.getSmtp().getPort(),
                        mail.getSmtp().getUser(), mail.getSmtp().getPassword(), mail.getSmtp().isRequireStartTls(),
                        mail.getSmtp().getTimeout().toJavaDuration()), mail.getFrom())
                : new FileTransport(Path.of(mail.getDirectory()), mail.getFrom());
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("mail-sender-%d")
                .threads(1).build();
        MailSettings.Sender sender = mail.getSender();
        MailSettings.Retry retry = mail.getRetry();
        OutboxSender outboxSender = new OutboxSender(storage.outbox(), transport, executor,
                new OutboxSender.Schedule(sender.getPollInterval().toJavaDuration(), sender.getBatchSize(),
                        sender.getClaimLease().toJavaDuration()),
                new OutboxSender.Retry(retry.getMaxAttempts(), retry.getInitialDelay().toJavaDuration(),
                        retry.getMaxDelay().toJavaDuration()),
                clock, environment.metrics());
        environment.lifecycle().manage(outboxSender);
        return outboxSender;
    }

    /** The bcrypt pool, stopped with the server; a cost below the recommended minimum is worth a WARN. */
    private static BcryptBulkhead bulkhead(PasswordHasher hasher, BulkheadSettings settings, Environment environment) {
        if (hasher.cost() < PasswordSettings.RECOMMENDED_MINIMUM_COST) {
            LOG.warn("bcrypt cost {} is below {}: fine for tests, too weak for production passwords",
                    hasher.cost(), PasswordSettings.RECOMMENDED_MINIMUM_COST);
        }
        BcryptBulkhead bulkhead = new BcryptBulkhead(hasher, settings.effectiveThreads(), settings.getQueueSize(),
                settings.getMaxWait().toJavaDuration(), settings.getCapacityWindow().toJavaDuration(),
                environment.metrics());
        environment.lifecycle().manage(bulkhead);
        return bulkhead;
    }

    private static LoginThrottle.Limits limits(LockoutSettings lockout) {
        return new LoginThrottle.Limits(lockout.getMaxFailures(), lockout.getFirstLock().toJavaDuration(),
                lockout.getMaxLock().toJavaDuration(), lockout.getAddressMaxFailures(),
                lockout.getAddressWindow().toJavaDuration(), lockout.getDeviceMaxFailures());
    }

    /** One throttle table for the purge: its windows, and how long a window lasts. */
    private static Purge.ThrottleTable throttleTable(AddressWindows windows, io.dropwizard.util.Duration window) {
        return new Purge.ThrottleTable(windows.table(), window.toJavaDuration(), windows::forgetEnded);
    }
}
