package org.portcullis.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.FreePort;
import org.portcullis.support.Inbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast one instance's sender drains its outbox into a local SMTP server (GreenMail, same machine), with
 * config.yml's batch size: 1,000 mails are written as not yet due, made due at once, and timed until the
 * last is marked sent. What it measures is the sender's own cost per mail (claim, MIME, SMTP dialogue,
 * UPDATE); a relay across a network adds its round trips to each mail.
 */
@Tag("timing")
class OutboxThroughputTest extends AppOnDatabase {
    private static final int SMTP_PORT = FreePort.pick();
    private static final int MAILS = 1000;

    @RegisterExtension
    @Order(0)
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    OutboxThroughputTest() {
        super(DatabaseExtension.h2(), MailContract.smtpSettings(SMTP_PORT, Map.of("mail.sender.pollInterval", "10ms")));
    }

    @Test
    void theSenderDeliversAThousandQueuedMailsEachOnce() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database().url())) {
            queueNotYetDue(connection);
            long start = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE mail_outbox SET next_attempt_at = CURRENT_TIMESTAMP");
            }
            awaitAllSent(connection);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "outbox sender: %d mails in %.2f s = %.0f mails/s to a local SMTP server%n",
                    MAILS, seconds, MAILS / seconds);
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(MAILS);
    }

    private static void queueNotYetDue(Connection connection) throws SQLException {
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (id, recipient, subject,"
                + " text_body, html_body, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, 'Reset your password', ?, ?, 'pending', 0, ?, ?)")) {
            for (int i = 0; i < MAILS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "user" + i + "@example.org");
                insert.setString(3, "Hello,\n\nhttps://app.example.org/reset-password?token=" + "x".repeat(43) + "\n");
                insert.setString(4, "<p>Hello,</p><p><a href=\"https://app.example.org/\">Reset</a></p>");
                insert.setObject(5, later);
                insert.setObject(6, later);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void awaitAllSent(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM mail_outbox WHERE status = 'sent'")) {
                    rows.next();
                    if (rows.getInt(1) == MAILS) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not every mail was sent within 120 s");
                }
                Thread.onSpinWait();
            }
        }
    }
}
