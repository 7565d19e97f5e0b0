package org.portcullis;

import io.dropwizard.core.setup.Environment;
import org.portcullis.config.BulkheadSettings;
import org.portcullis.config.LockoutSettings;
import org.portcullis.config.PasswordSettings;
import org.portcullis.config.TokenSettings;
import org.portcullis.db.AddressWindows;
import org.portcullis.db.Storage;
import org.portcullis.service.AccessTokenAuthenticator;
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

import java.time.Clock;
import java.util.List;

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
        AuditTrail audit) {
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
        List<Purge.ThrottleTable> throttleTables = List.of(
                throttleTable(storage.loginFailures(), lockout.getAddressWindow()),
                throttleTable(storage.registrations(), lockout.getRegistrationWindow()));
        RefreshTokenRotation rotation = new RefreshTokenRotation(storage.callers(), storage.sessions(),
                storage.transactions(), audit, tokens, tokenSettings.getMaxSessionAge().toJavaDuration(), clock);
        return new Services(bcrypt,
                new AccessTokenAuthenticator(tokens, storage.reads(), storage.sessions(), clock),
                new AccountService(storage.users(), storage.transactions(), bcrypt, throttle, registrations, clock),
                new LoginService(storage.users(), storage.transactions(), bcrypt, tokens, throttle, devices, audit, clock,
                        tokenSettings.getMaxSessionsPerUser()),
                rotation,
                new SessionService(storage.transactions(), storage.reads(), audit, clock),
                new AccountAdministration(storage.users(), storage.accountLocks(), storage.transactions(), audit, clock),
                new Purge(storage.sessions(), throttleTables, config.getPurge().getRetention().toJavaDuration(),
                        audit, config.getAudit().getRetention().toJavaDuration(), clock, environment.metrics()),
                signing,
                new TokenIntrospection(tokens, storage.reads(), rotation, storage.transactions(), audit, clock),
                new ResourceServers(tokenSettings.getIntrospection().getClients()),
                audit);
    }

    /** The bcrypt pool, stopped with the server; a cost below the recommended minimum is worth a WARN. */
    private static BcryptBulkhead bulkhead(PasswordHasher hasher, BulkheadSettings settings, Environment environment) {
        if (hasher.cost() < PasswordSettings.RECOMMENDED_MINIMUM_COST) {
            LOG.warn("bcrypt cost {} is below {}: fine for tests, too weak for production passwords",
                    hasher.cost(), PasswordSettings.RECOMMENDED_MINIMUM_COST);
        }
        BcryptBulkhead bulkhead = new BcryptBulkhead(hasher, settings.effectiveThreads(), settings.getQueueSize(),
                settings.getMaxWait().toJavaDuration(), environment.metrics());
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
