package org.portcullis.http.resources;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.ClockedApplication;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.SettableClock;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection through the HTTP API. The app trusts 127.0.0.1 as a proxy, so each test can
 * speak from its own client address with X-Forwarded-For, and allows 5 failures per address. It runs on a
 * test clock that stands still unless a test moves it, as a drifting instance clock would.
 */
abstract class LoginThrottleContract extends AppOnDatabase {
    protected LoginThrottleContract(DatabaseExtension db) {
        super(db, ClockedApplication.class, SETTINGS);
    }

    static final Map<String, String> SETTINGS = Map.of(
            "clients.trustedProxies", "127.0.0.1",
            "lockout.addressMaxFailures", "5");

    private Api api;
    private String address;
    private SettableClock clock;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
        address = randomAddress();
        ClockedApplication application = app().getApplication();
        clock = application.settableClock();
    }

    /** An IPv6 address in a random /64 of the documentation range: a client of its own. */
    static String randomAddress() {
        UUID id = UUID.randomUUID();
        return "2001:db8:" + Long.toHexString(id.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(id.getLeastSignificantBits() & 0xffff) + "::1";
    }

    private Reply login(String email, String password, String from) {
        return login(email, password, List.of(from));
    }

    /** @param forwardedFor one X-Forwarded-For line per element, in this order */
    private Reply login(String email, String password, List<String> forwardedFor) {
        HttpRequest.Builder request = api.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json");
        forwardedFor.forEach(line -> request.header("X-Forwarded-For", line));
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
    }

    @Test
    void tenFailuresLockTheAccountEvenForTheRightPassword() {
        String email = api.newAccount();
        for (int i = 0; i < 10; i++) {
            // a fresh address per attempt: only the account limit is in play
            login(email, "wrong password " + i, randomAddress()).expect(401);
        }
        Reply locked = login(email, Api.PASSWORD, randomAddress());
        locked.expect(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(55L, 60L);
        assertThat(locked.json().get("message").asText()).contains("try again later");
    }

    @Test
    void aLockNeverBlocksOtherAccounts() {
        String victim = api.newAccount();
        String bystander = api.newAccount();
        for (int i = 0; i < 10; i++) {
            login(victim, "wrong password " + i, randomAddress()).expect(401);
        }
        login(victim, Api.PASSWORD, randomAddress()).expect(429);
        login(bystander, Api.PASSWORD, randomAddress()).expect(200);
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        String email = api.newAccount();
        for (int i = 0; i < 9; i++) {
            login(email, "wrong password " + i, randomAddress()).expect(401);
        }
        login(email, Api.PASSWORD, randomAddress()).expect(200);
        for (int i = 0; i < 9; i++) {
            login(email, "wrong password " + i, randomAddress()).expect(401);
        }
        login(email, Api.PASSWORD, randomAddress()).expect(200);
    }

    @Test
    void anAddressIsThrottledAcrossAccountsAndOthersAreNot() {
        for (int i = 0; i < 5; i++) {
            login("nobody-" + i + "@example.org", "wrong password here", address).expect(401);
        }
        String honest = api.newAccount();
        Reply throttled = login(honest, Api.PASSWORD, address);
        throttled.expect(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(800L, 900L);
        login(honest, Api.PASSWORD, randomAddress()).expect(200);
    }

    @Test
    void successfulLoginsFromOneAddressAreNotLimited() {
        String email = api.newAccount();
        for (int i = 0; i < 12; i++) {
            login(email, Api.PASSWORD, address).expect(200);
        }
    }

    @Test
    void aForgedFirstForwardedForLineDoesNotGiveEachFailureAFreshAddress() {
        // The client writes a line of its own; the proxy (127.0.0.1) appends the address it saw as another line.
        for (int i = 0; i < 5; i++) {
            login("nobody-" + i + "@example.org", "wrong password here", List.of(randomAddress(), address)).expect(401);
        }
        login(api.newAccount(), Api.PASSWORD, List.of(randomAddress(), address)).expect(429);
    }

    @Test
    void forwardedHopsWithAPortAreCountedAsTheirAddress() {
        // a client of its own in the shared address space (100.64.0.0/10), as randomAddress() is for IPv6
        int host = ThreadLocalRandom.current().nextInt(1, 1 << 16);
        String ipv4 = "100.64." + (host >> 8) + "." + (host & 0xff);
        for (int i = 0; i < 5; i++) {
            login("nobody-" + i + "@example.org", "wrong password here", ipv4 + ":" + (40000 + i)).expect(401);
        }
        login(api.newAccount(), Api.PASSWORD, ipv4).expect(429);

        for (int i = 0; i < 5; i++) {
            login("nobody-" + i + "@example.org", "wrong password here", "[" + address + "]:" + (40000 + i)).expect(401);
        }
        login(api.newAccount(), Api.PASSWORD, address).expect(429);
    }

    @Test
    void anInstanceClockAheadOfTheDatabaseEndsNeitherALockNorAnAddressWindow() {
        String locked = api.newAccount();
        for (int i = 0; i < 10; i++) {
            login(locked, "wrong password " + i, randomAddress()).expect(401);
        }
        for (int i = 0; i < 5; i++) {
            login("nobody-" + i + "@example.org", "wrong password here", address).expect(401);
        }
        String honest = api.newAccount();

        Instant now = clock.instant();
        // An hour ahead: past the 60 s lock and the 15-minute window by this instance's clock, not the database's.
        clock.set(now.plus(Duration.ofHours(1)));
        try {
            login(locked, Api.PASSWORD, randomAddress()).expect(429);
            login(honest, Api.PASSWORD, address).expect(429);
        } finally {
            clock.set(now);
        }
    }
}
