package org.portcullis.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;
import org.portcullis.support.Inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account recovery by mail, end to end: the app delivers over SMTP to a real SMTP server (GreenMail) and
 * the tests follow the links as a user would. Runs on H2 and on PostgreSQL (subclasses).
 */
abstract class MailContract extends AppOnDatabase {
    static final int SMTP_PORT = FreePort.pick();
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final String INVALID_RESET = "The reset link is invalid, used or expired";

    @RegisterExtension
    @Order(0)
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    protected MailContract(DatabaseExtension db) {
        super(db, smtpSettings(SMTP_PORT, Map.of()));
    }

    /** The app delivering to 127.0.0.1:{@code port}, polling and retrying quickly, with {@code extra} on top. */
    static Map<String, String> smtpSettings(int port, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(port),
                "mail.sender.pollInterval", "50ms",
                "mail.retry.initialDelay", "100ms",
                "mail.retry.maxDelay", "500ms",
                "mail.retry.maxAttempts", "100",
                "mail.requests.perAddress", "1000000"));
        settings.putAll(extra);
        return settings;
    }

    private Api api;
    private final Inbox inbox = new Inbox(SMTP);

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    @Test
    void registrationMailsAVerificationLinkThatVerifiesTheAddressOnce() {
        String email = api.newAccount();
        String access = api.login(email).get("access_token").asText();
        assertThat(api.get("/api/v1/users/me", access).expect(200).json().get("email_verified").asBoolean()).isFalse();

        MimeMessage mail = inbox.awaitNth(email, 1);
        assertThat(Inbox.subject(mail)).isEqualTo("Confirm your email address");
        assertThat(Inbox.text(mail)).contains("Hello Test,").contains("within 24 hours");
        assertThat(Inbox.html(mail)).contains("<a href=\"http://localhost:8080/verify-email?token=");
        String token = Inbox.token(mail);

        api.post("/api/v1/auth/verify-email/confirm", null, Map.of("token", token)).expect(204);
        assertThat(api.get("/api/v1/users/me", access).expect(200).json().get("email_verified").asBoolean()).isTrue();
        JsonNode again = api.post("/api/v1/auth/verify-email/confirm", null, Map.of("token", token)).expect(400).json();
        assertThat(again.get("message").asText()).isEqualTo("The verification link is invalid, used or expired");
        api.post("/api/v1/auth/verify-email/request", access, Map.of()).expect(409);
    }

    @Test
    void aFreshVerificationLinkReplacesTheOneMailedAtRegistration() {
        String email = api.newAccount();
        String access = api.login(email).get("access_token").asText();
        String first = Inbox.token(inbox.awaitNth(email, 1));

        JsonNode accepted = api.post("/api/v1/auth/verify-email/request", access, Map.of()).expect(202).json();
        assertThat(accepted.get("message").asText()).isNotBlank();
        String second = Inbox.token(inbox.awaitNth(email, 2));

        api.post("/api/v1/auth/verify-email/confirm", null, Map.of("token", first)).expect(400);
        api.post("/api/v1/auth/verify-email/confirm", null, Map.of("token", second)).expect(204);
    }

    @Test
    void passwordResetAnswersKnownAndUnknownAddressesAlikeAndMailsOnlyTheKnownOne() {
        String known = api.newAccount();
        inbox.awaitNth(known, 1);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";

        Api.Reply forUnknown = api.post("/api/v1/auth/password-reset", null, Map.of("email", unknown)).expect(202);
        Api.Reply forKnown = api.post("/api/v1/auth/password-reset", null, Map.of("email", known)).expect(202);

        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
        MimeMessage reset = inbox.awaitNth(known, 2);
        assertThat(Inbox.subject(reset)).isEqualTo("Reset your password");
        assertThat(Inbox.text(reset)).contains("within 30 minutes").contains("reset-password?token=");
        // Requests are handled in order and the outbox is sent in order: a mail for the unknown address
        // would have arrived before the known one's.
        assertThat(inbox.to(unknown)).isEmpty();
    }

    @Test
    void aMailedResetTokenSetsThePasswordEndsEverySessionAndWorksOnce() {
        String email = api.newAccount();
        inbox.awaitNth(email, 1);
        String oldAccess = api.login(email).get("access_token").asText();
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        String token = Inbox.token(inbox.awaitNth(email, 2));

        api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token, "new_password", NEW_PASSWORD))
                .expect(204);

        api.get("/api/v1/users/me", oldAccess).expect(401);
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD)).expect(401);
        String access = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", NEW_PASSWORD))
                .expect(200).json().get("access_token").asText();
        assertThat(api.get("/api/v1/users/me", access).json().get("email_verified").asBoolean())
                .as("the reset link proved the address").isTrue();
        JsonNode reused = api.post("/api/v1/auth/password-reset/confirm", null,
                Map.of("token", token, "new_password", "yet another passphrase")).expect(400).json();
        assertThat(reused.get("message").asText()).isEqualTo(INVALID_RESET);
        JsonNode madeUp = api.post("/api/v1/auth/password-reset/confirm", null,
                Map.of("token", "A".repeat(43), "new_password", "yet another passphrase")).expect(400).json();
        assertThat(madeUp.get("message").asText()).isEqualTo(INVALID_RESET);
        assertThat(Inbox.subject(inbox.awaitNth(email, 3))).isEqualTo("Your password was changed");
    }

    @Test
    void aNewResetLinkReplacesTheOldOne() {
        String email = api.newAccount();
        inbox.awaitNth(email, 1);
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        String first = Inbox.token(inbox.awaitNth(email, 2));
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        String second = Inbox.token(inbox.awaitNth(email, 3));

        api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", first, "new_password", NEW_PASSWORD))
                .expect(400);
        api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", second, "new_password", NEW_PASSWORD))
                .expect(204);
    }

    @Test
    void aResetToAWeakPasswordIs422AndLeavesTheTokenUnspent() {
        String email = api.newAccount();
        inbox.awaitNth(email, 1);
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        String token = Inbox.token(inbox.awaitNth(email, 2));

        Api.Reply weak = api.post("/api/v1/auth/password-reset/confirm", null,
                Map.of("token", token, "new_password", "short"));
        weak.expect(422);
        assertThat(weak.json().get("errors").toString()).contains("new_password: must be at least 12 characters");
        api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token, "new_password", NEW_PASSWORD))
                .expect(204);
    }

    @Test
    void changingThePasswordMailsTheAccountANotice() {
        String email = api.newAccount();
        inbox.awaitNth(email, 1);
        String access = api.login(email).get("access_token").asText();

        api.patch("/api/v1/users/me/password", access,
                Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD)).expect(204);

        MimeMessage notice = inbox.awaitNth(email, 2);
        assertThat(Inbox.subject(notice)).isEqualTo("Your password was changed");
        assertThat(Inbox.text(notice)).contains(email).doesNotContain("token=");
    }

    @Test
    void aMalformedAddressIs422AndAnUnknownFieldIsNamed() {
        api.post("/api/v1/auth/password-reset", null, Map.of("email", "not-an-email")).expect(422);
        Api.Reply extra = api.post("/api/v1/auth/password-reset", null,
                Map.of("email", "a@example.org", "password", "x"));
        extra.expect(422);
        assertThat(extra.body()).contains("password");
    }
}
