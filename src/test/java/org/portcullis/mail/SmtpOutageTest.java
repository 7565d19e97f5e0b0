package org.portcullis.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;
import org.portcullis.support.Inbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server is down while mail is queued, and comes back: every request is answered at once, the
 * sender retries with backoff, and once the server is up every mail queued meanwhile arrives.
 */
class SmtpOutageTest extends AppOnDatabase {
    private static final int SMTP_PORT = FreePort.pick();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    SmtpOutageTest() {
        super(DatabaseExtension.h2(), MailContract.smtpSettings(SMTP_PORT, Map.of()));
    }

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(app().getLocalPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void mailQueuedWhileTheServerIsDownIsDeliveredOnceItIsBack() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emails.add(api.newAccount());
        }
        for (String email : emails) {
            api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).expect(202);
        }
        // Every one of the six mails has failed at least twice: the sender is retrying, not dropping.
        awaitPendingWithAttempts(6, 2);
        assertThat(app().getEnvironment().metrics().counter("portcullis.mail.retried").getCount()).isGreaterThan(0);

        SMTP.start();
        Inbox inbox = new Inbox(SMTP);
        for (String email : emails) {
            List<String> subjects = inbox.await(email, 2).stream().map(Inbox::subject).toList();
            assertThat(subjects).containsExactlyInAnyOrder("Confirm your email address", "Reset your password");
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(6);
    }

    private void awaitPendingWithAttempts(int mails, int attempts) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String query = "SELECT count(*) FROM mail_outbox WHERE status = 'pending' AND attempts >= " + attempts;
        try (Connection connection = DriverManager.getConnection(database().url());
             Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    rows.next();
                    if (rows.getInt(1) >= mails) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the mails were not retried " + attempts + " times within 20 s");
                }
                Thread.onSpinWait();
            }
        }
    }
}
