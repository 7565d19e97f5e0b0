package org.portcullis.http.admin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.ClockedApplication;
import org.portcullis.support.DatabaseExtension;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin port as config.yml sets it up when the operator sets nothing: on the loopback only, open
 * there without credentials, tasks refused to browsers, and unlock-account limited (3 a minute here).
 */
class AdminPortTest extends AppOnDatabase {
    private Api admin;

    AdminPortTest() {
        super(DatabaseExtension.h2(), ClockedApplication.class, Map.of("admin.unlocksPerMinute", "3"));
    }

    @BeforeEach
    void client() {
        admin = new Api(app().getAdminPort());
    }

    @Test
    void theAdminPortAnswersOnTheLoopbackAndOnNoOtherAddressOfTheMachine() throws Exception {
        admin.get("/ping", null).expect(200);
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no address but the loopback");

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other.get(), app().getAdminPort()), 5_000))
                    .as("admin port on %s", other.get()).isInstanceOf(ConnectException.class);
        }
        try (Socket api = new Socket()) {
            api.connect(new InetSocketAddress(other.get(), app().getLocalPort()), 5_000);
            assertThat(api.isConnected()).as("the API port does listen there").isTrue();
        }
    }

    @Test
    void withoutConfiguredCredentialsTheLoopbackNeedsNone() {
        admin.get("/healthcheck", null).expect(200);
        task("purge-expired", Map.of()).expect(200);
    }

    @Test
    void aTaskSentWithABrowsersOriginIsRefusedAndNotRun() {
        Api api = new Api(app().getLocalPort());
        String email = api.newAccount();
        api.login(email);

        Api.Reply refused = task("revoke-sessions?email=" + email, Map.of("Origin", "https://evil.example"));

        refused.expect(403);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.json().get("code").asInt()).isEqualTo(403);
        assertThat(task("revoke-sessions?email=" + email, Map.of()).expect(200).body())
                .as("the refused request revoked nothing").isEqualTo("Revoked 1 live sessions of " + email + ".\n");
        task("purge-expired", Map.of("Origin", "null")).expect(403);
    }

    @Test
    void unlockAccountIsLimitedPerMinuteAndTheWindowSlides() {
        ClockedApplication application = app().getApplication();
        for (int i = 0; i < 3; i++) {
            task("unlock-account?email=guess-" + i + "%40example.org", Map.of()).expect(200);
        }

        Api.Reply refused = task("unlock-account?email=guess-3%40example.org", Map.of());

        refused.expect(429);
        assertThat(refused.json().get("message").asText()).contains("At most 3 unlock-account calls a minute");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        task("revoke-sessions?email=guess-3%40example.org", Map.of()).expect(200); // other tasks are not limited

        application.settableClock().advance(Duration.ofSeconds(60));
        task("unlock-account?email=guess-4%40example.org", Map.of()).expect(200);
    }

    private Api.Reply task(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = admin.request("/tasks/" + pathAndQuery, null).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return admin.send(request);
    }

    /** An IPv4 address of an interface that is up and not the loopback, if the machine has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            Optional<InetAddress> address = network.inetAddresses().filter(a -> a instanceof Inet4Address)
                    .filter(a -> !a.isLoopbackAddress()).findFirst();
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }
}
