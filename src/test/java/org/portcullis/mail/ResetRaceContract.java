package org.portcullis.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.HeldHashApplication;
import org.portcullis.support.FreePort;
import org.portcullis.support.Inbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two confirmations racing with one reset token: the seam holds both new-password hashes until both have
 * looked the token up and found it live, so both reach the compare-and-set, and exactly one may win.
 */
abstract class ResetRaceContract extends AppOnDatabase {
    static final int SMTP_PORT = FreePort.pick();

    @RegisterExtension
    @Order(0)
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    protected ResetRaceContract(DatabaseExtension db) {
        super(db, HeldHashApplication.class, MailContract.smtpSettings(SMTP_PORT, Map.of()));
    }

    private Api api;
    private final Inbox inbox = new Inbox(SMTP);

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    @Test
    void ofTwoConfirmationsRacingWithOneTokenExactlyOneSetsItsPassword() throws Exception {
        String email = api.newAccount();
        inbox.awaitNth(email, 1);
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        String token = Inbox.token(inbox.awaitNth(email, 2));

        HeldHashApplication.arm(2);
        CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/auth/password-reset/confirm", null, Map.of("token", token, "new_password", "first passphrase!")));
        CompletableFuture<Api.Reply> second = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/auth/password-reset/confirm", null, Map.of("token", token, "new_password", "second passphrase")));

        List<Integer> statuses = List.of(first.get().status(), second.get().status());
        assertThat(HeldHashApplication.allArrived()).as("both confirmations were held past the token's lookup").isTrue();
        assertThat(statuses).containsExactlyInAnyOrder(204, 400);
        String winner = first.get().status() == 204 ? "first passphrase!" : "second passphrase";
        String loser = first.get().status() == 204 ? "second passphrase" : "first passphrase!";
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", winner)).expect(200);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", loser)).expect(401);
        // one notice: the losing confirmation changed nothing and mailed nothing
        assertThat(Inbox.subject(inbox.awaitNth(email, 3))).isEqualTo("Your password was changed");
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        assertThat(Inbox.subject(inbox.awaitNth(email, 4))).as("the next mail is the next reset, no second notice")
                .isEqualTo("Reset your password");
    }
}
