package org.portcullis.http.resources;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations per client address. The app trusts 127.0.0.1 as a proxy, so each test speaks from its own
 * addresses with X-Forwarded-For, and allows 3 registrations per address and hour.
 */
abstract class RegistrationLimitContract extends AppOnDatabase {
    protected RegistrationLimitContract(DatabaseExtension db) {
        super(db, Map.of("clients.trustedProxies", "127.0.0.1", "lockout.registrationsPerAddress", "3"));
    }

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    private Reply register(String from) {
        return api.send(api.request("/api/v1/auth/register", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"r-" + UUID.randomUUID()
                        + "@example.org\",\"password\":\"" + Api.PASSWORD + "\",\"first_name\":\"R\"}")));
    }

    @Test
    void theFourthRegistrationFromOneAddressInAnHourGets429() {
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 3; i++) {
            register(address).expect(201);
        }
        Reply refused = register(address);
        refused.expect(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3500L, 3600L);
        assertThat(refused.json().get("message").asText()).contains("registrations");
    }

    @Test
    void oneIpv6NetworkSharesOneLimitAndOtherNetworksHaveTheirOwn() {
        String network = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":7:";
        for (int i = 1; i <= 3; i++) {
            register(network + ":" + i).expect(201);
        }
        register(network + ":99").expect(429);
        register("2001:db8:ffff:8::1").expect(201);
    }

    @Test
    void aRefusedRegistrationCreatesNoAccount() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 3; i++) {
            register(address).expect(201);
        }
        String email = "refused-" + UUID.randomUUID() + "@example.org";
        api.send(api.request("/api/v1/auth/register", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\""
                        + Api.PASSWORD + "\",\"first_name\":\"R\"}"))).expect(429);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(401);
    }
}
