package org.portcullis.service;

import com.codahale.metrics.MetricRegistry;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.portcullis.db.MailOutboxDao;
import org.portcullis.domain.OutgoingMail;
import org.portcullis.support.SettableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender's settling of each mail: sent, retried after a doubling delay, or given up and counted. */
class OutboxSenderTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private final MetricRegistry metrics = new MetricRegistry();
    private final Outbox outbox = new Outbox();

    /** An outbox in memory: due rows by next attempt, as the DAO claims them. */
    private final class Outbox implements MailOutboxDao {
        final Map<UUID, OutgoingMail> pending = new LinkedHashMap<>();
        final Map<UUID, Instant> due = new LinkedHashMap<>();
        final List<UUID> sent = new ArrayList<>();
        final List<UUID> failed = new ArrayList<>();
        final List<Duration> waits = new ArrayList<>();

        void add(String recipient) {
            UUID id = UUID.randomUUID();
            pending.put(id, new OutgoingMail(id, recipient, "Subject", "text", "<p>html</p>", 0));
            due.put(id, clock.instant());
        }

        @Override
        public List<OutgoingMail> claim(Instant now, int limit, Instant leaseEnd) {
            List<OutgoingMail> claimed = new ArrayList<>();
            for (OutgoingMail mail : List.copyOf(pending.values())) {
                if (claimed.size() < limit && !due.get(mail.id()).isAfter(now)) {
                    OutgoingMail leased = new OutgoingMail(mail.id(), mail.recipient(), mail.subject(),
                            mail.textBody(), mail.htmlBody(), mail.attempts() + 1);
                    pending.put(mail.id(), leased);
                    due.put(mail.id(), leaseEnd);
                    claimed.add(leased);
                }
            }
            return claimed;
        }

        @Override
        public int markSent(UUID id, Instant now) {
            pending.remove(id);
            sent.add(id);
            return 1;
        }

        @Override
        public int retryAt(UUID id, Instant nextAttemptAt, String error) {
            waits.add(Duration.between(clock.instant(), nextAttemptAt));
            due.put(id, nextAttemptAt);
            return 1;
        }

        @Override
        public int markFailed(UUID id, Instant now, String error) {
            pending.remove(id);
            failed.add(id);
            return 1;
        }

        @Override
        public void insert(UUID id, String recipient, String subject, String textBody, String htmlBody, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OutgoingMail> dueForUpdate(Instant now, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int lease(UUID id, Instant leaseEnd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteFinishedBefore(Instant cutoff) {
            throw new UnsupportedOperationException();
        }
    }

    /** A transport that refuses the recipients in {@code refused} (a connection that fails mid-batch). */
    private static MailTransport refusing(List<String> refused, List<String> delivered, int[] connections) {
        return () -> {
            connections[0]++;
            return new MailTransport.Delivery() {
                @Override
                public void send(OutgoingMail mail) throws MessagingException {
                    if (refused.contains(mail.recipient())) {
                        throw new MessagingException("451 try again later");
                    }
                    delivered.add(mail.recipient());
                }

                @Override
                public void close() {
                }
            };
        };
    }

    private OutboxSender sender(MailTransport transport, int batchSize) {
        return new OutboxSender(outbox, transport, null, new OutboxSender.Schedule(Duration.ofSeconds(1), batchSize,
                Duration.ofMinutes(5)), new OutboxSender.Retry(4, Duration.ofSeconds(10), Duration.ofSeconds(30)),
                clock, metrics);
    }

    @Test
    void aMailThatKeepsFailingIsRetriedWithDoublingDelaysThenFailedAndCounted() {
        outbox.add("down@example.org");
        OutboxSender sender = sender(refusing(List.of("down@example.org"), new ArrayList<>(), new int[1]), 10);

        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(sender.sendDue()).isZero();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(outbox.waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30));
        assertThat(outbox.failed).hasSize(1);
        assertThat(metrics.counter("portcullis.mail.retried").getCount()).isEqualTo(3);
        assertThat(metrics.counter("portcullis.mail.failed").getCount()).isEqualTo(1);
        assertThat(sender.sendDue()).as("a failed mail is not tried again").isZero();
    }

    @Test
    void aFailureCostsOnlyItsOwnMailAndTheRestOfTheBatchGoesOnANewConnection() {
        outbox.add("a@example.org");
        outbox.add("refused@example.org");
        outbox.add("b@example.org");
        List<String> delivered = new ArrayList<>();
        int[] connections = new int[1];

        int sent = sender(refusing(List.of("refused@example.org"), delivered, connections), 10).sendDue();

        assertThat(sent).isEqualTo(2);
        assertThat(delivered).containsExactly("a@example.org", "b@example.org");
        assertThat(connections[0]).isEqualTo(2);
        assertThat(outbox.pending).hasSize(1);
        assertThat(metrics.counter("portcullis.mail.sent").getCount()).isEqualTo(2);
    }

    @Test
    void aRoundTakesBatchAfterBatchUntilNothingIsDue() {
        for (int i = 0; i < 7; i++) {
            outbox.add("user" + i + "@example.org");
        }
        List<String> delivered = new ArrayList<>();
        int[] connections = new int[1];

        assertThat(sender(refusing(List.of(), delivered, connections), 3).sendDue()).isEqualTo(7);
        assertThat(connections[0]).as("one connection per batch of 3").isEqualTo(3);
    }
}
