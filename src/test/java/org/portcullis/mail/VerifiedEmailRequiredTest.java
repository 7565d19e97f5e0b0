package org.portcullis.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.ClockedApplication;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;
import org.portcullis.support.Inbox;
import org.portcullis.support.SettableClock;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code accounts.requireVerifiedEmail: true}, and the lifetimes of the mailed links, on a test clock: a
 * link past its lifetime is refused with the same 400 as a wrong one.
 */
class VerifiedEmailRequiredTest extends AppOnDatabase {
    private static final int SMTP_PORT = FreePort.pick();

    @RegisterExtension
    @Order(0)
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    VerifiedEmailRequiredTest() {
        super(DatabaseExtension.h2(), ClockedApplication.class,
                MailContract.smtpSettings(SMTP_PORT, Map.of("accounts.requireVerifiedEmail", "true")));
    }

    private Api api;
    private SettableClock clock;
    private final Inbox inbox = new Inbox(SMTP);

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
        ClockedApplication application = app().getApplication();
        clock = application.settableClock();
    }

    @Test
    void aCorrectLoginOfAnUnverifiedAccountIs403UntilItsAddressIsVerified() {
        String email = api.newAccount();
        String token = Inbox.token(inbox.awaitNth(email, 1));

        Api.Reply refused = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD));
        refused.expect(403);
        assertThat(refused.json().get("message").asText()).startsWith("Email address is not verified");
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "a wrong password")).expect(401);

        api.post("/api/v1/auth/verify-email/confirm", null, Map.of("token", token)).expect(204);
        assertThat(api.login(email).get("user").get("email_verified").asBoolean()).isTrue();
    }

    @Test
    void aResetLinkPastItsThirtyMinutesIsRefusedLikeAWrongOne() {
        String email = api.newAccount();
        inbox.awaitNth(email, 1);
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        String token = Inbox.token(inbox.awaitNth(email, 2));

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        Api.Reply expired = api.post("/api/v1/auth/password-reset/confirm", null,
                Map.of("token", token, "new_password", "a brand new passphrase"));
        expired.expect(400);
        assertThat(expired.json().get("message").asText()).isEqualTo("The reset link is invalid, used or expired");
    }

    @Test
    void aVerificationLinkPastItsDayIsRefused() {
        String email = api.newAccount();
        String token = Inbox.token(inbox.awaitNth(email, 1));

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        api.post("/api/v1/auth/verify-email/confirm", null, Map.of("token", token)).expect(400);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(403);
    }
}
