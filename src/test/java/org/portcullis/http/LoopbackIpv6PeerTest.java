package org.portcullis.http;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real IPv6 socket peer, over [::1]: Jetty hands the peer over in brackets ({@code [0:0:0:0:0:0:0:1]}),
 * and the throttle must count it by its /64 and the session must record it as an address. Runs wherever
 * the loopback has IPv6, root or not; {@link DirectIpv6ClientsTest} shows two clients of one /64 sharing
 * the bucket, which needs a network namespace.
 */
class LoopbackIpv6PeerTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aFailedLoginOverIpv6LoopbackIsCountedUnderItsSlash64() throws Exception {
        assumeTrue(loopbackHasIpv6(), "no ::1 on this machine");

        int status = send("/api/v1/auth/login", "{\"email\":\"nobody@example.org\",\"password\":\"wrong password\"}");

        assertThat(status).isEqualTo(401);
        assertThat(failureBuckets()).contains("::/64");
    }

    @Test
    void aSessionOpenedOverIpv6LoopbackRecordsTheAddressWithoutBrackets() throws Exception {
        assumeTrue(loopbackHasIpv6(), "no ::1 on this machine");
        Api api = new Api(APP.getLocalPort());
        String email = api.newAccount();

        send("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + Api.PASSWORD + "\"}");

        String token = api.login(email).get("access_token").asText();
        List<String> addresses = new ArrayList<>();
        api.get("/api/v1/sessions/me", token).expect(200).json().get("sessions")
                .forEach(session -> addresses.add(session.get("ip_address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder("::1", "127.0.0.1");
    }

    private int send(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://[::1]:" + APP.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static List<String> failureBuckets() throws Exception {
        List<String> buckets = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DB.url());
             ResultSet rows = connection.createStatement().executeQuery("SELECT address FROM client_failures")) {
            while (rows.next()) {
                buckets.add(rows.getString(1));
            }
        }
        return buckets;
    }

    private static boolean loopbackHasIpv6() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        return loopback != null && loopback.inetAddresses().anyMatch(address -> address instanceof Inet6Address);
    }
}
