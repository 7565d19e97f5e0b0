package org.portcullis.scale;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;
import org.portcullis.support.Inbox;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestApps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database share one outbox: both senders poll it every 10 ms in small
 * batches, so they contend for the same rows all the time, and still every mail is delivered exactly once
 * (FOR UPDATE SKIP LOCKED and the claim's lease), whichever instance queued it.
 */
@ExtendWith(PostgresAvailable.class)
class TwoInstancesMailTest {
    private static final int SMTP_PORT = FreePort.pick();
    private static final int ACCOUNTS = 60;
    private static final Map<String, String> CONTENDING_SENDERS = Map.of(
            "callerCache.enabled", "false",
            "mail.transport", "smtp",
            "mail.smtp.host", "127.0.0.1",
            "mail.smtp.port", String.valueOf(SMTP_PORT),
            "mail.sender.pollInterval", "10ms",
            "mail.sender.batchSize", "3");

    @RegisterExtension
    @Order(0)
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @RegisterExtension
    @Order(1)
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<PortcullisConfiguration> A = TestApps.functional(DB::url, CONTENDING_SENDERS);

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<PortcullisConfiguration> B = TestApps.functional(DB::url, CONTENDING_SENDERS);

    @Test
    void everyMailQueuedOnEitherInstanceIsDeliveredExactlyOnce() throws Exception {
        Api onA = new Api(A.getLocalPort());
        Api onB = new Api(B.getLocalPort());
        List<CompletableFuture<String>> registrations = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Api api = i % 2 == 0 ? onA : onB;
            registrations.add(CompletableFuture.supplyAsync(api::newAccount));
        }
        List<String> emails = registrations.stream().map(CompletableFuture::join).toList();

        awaitNothingPending();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(received).map(TwoInstancesMailTest::recipient).toList())
                .containsExactlyInAnyOrderElementsOf(emails);
        assertThat(countedSent()).isEqualTo(ACCOUNTS);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails both senders counted as sent. */
    private static long countedSent() {
        return A.getEnvironment().metrics().counter("portcullis.mail.sent").getCount()
                + B.getEnvironment().metrics().counter("portcullis.mail.sent").getCount();
    }

    /**
     * Polls the outbox until every mail is sent and both senders have counted theirs (a sender counts a mail
     * just after committing it as sent, so the outbox can say "sent" a moment before the counter does: CI
     * once saw 59 of 60); fails after 30 s.
     */
    private static void awaitNothingPending() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = DriverManager.getConnection(DB.url());
             Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FILTER (WHERE status <> 'sent'), count(*) FROM mail_outbox")) {
                    rows.next();
                    if (rows.getInt(1) == 0 && rows.getInt(2) == ACCOUNTS && countedSent() >= ACCOUNTS) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the outbox still had unsent (or uncounted) mail after 30 s");
                }
                Thread.onSpinWait();
            }
        }
    }
}
