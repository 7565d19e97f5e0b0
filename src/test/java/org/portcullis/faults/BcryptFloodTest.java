package org.portcullis.faults;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login flood against a deliberately small bcrypt bulkhead (one thread, one queue slot, 100 ms wait) at
 * the production cost: the excess is turned away with 503 + Retry-After in the one error shape, the rest
 * log in, nothing fails otherwise, and the cheap endpoints keep answering meanwhile.
 */
class BcryptFloodTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url, Map.of(
            "passwords.bcryptCost", "12",
            "passwords.bulkhead.threads", "1",
            "passwords.bulkhead.queueSize", "1",
            "passwords.bulkhead.maxWait", "100ms"));

    @Test
    void theExcessOfALoginFloodGets503AtOnceAndReadsStillWork() {
        Api api = new Api(APP.getLocalPort());
        String email = api.newAccount();
        String access = api.login(email).get("access_token").asText();

        List<CompletableFuture<Reply>> flood = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            flood.add(CompletableFuture.supplyAsync(() -> new Api(APP.getLocalPort())
                    .post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD))));
        }
        Reply read = api.get("/api/v1/users/me", access);
        List<Reply> replies = flood.stream().map(CompletableFuture::join).toList();

        read.expect(200);
        assertThat(replies).extracting(Reply::status).containsOnly(200, 503).contains(200, 503);
        Reply busy = replies.stream().filter(r -> r.status() == 503).findFirst().orElseThrow();
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(busy.json().get("message").asText()).isEqualTo("The service is busy; retry shortly");
        assertThat(new Api(APP.getAdminPort()).get("/metrics", null).json().get("meters")
                .get("portcullis.bcrypt.rejected").get("count").asLong()).isPositive();
    }
}
