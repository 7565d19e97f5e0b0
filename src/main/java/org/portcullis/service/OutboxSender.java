package org.portcullis.service;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import org.portcullis.db.MailOutboxDao;
import org.portcullis.domain.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox, on one lifecycle-managed thread per instance. Each round claims the due mails in
 * batches (a lease, see {@link MailOutboxDao}: several instances share the work and each mail goes to one
 * of them), hands each to the transport, and settles it: sent; or due again after a backoff that starts at
 * {@code initialDelay} and doubles up to {@code maxDelay}; or, after {@code maxAttempts}, failed, with a
 * WARN and the {@code portcullis.mail.failed} counter. A relay that is down costs retries, never a mail.
 */
public final class OutboxSender implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    /** How often to look, how many to take at once, and how long a claim holds (config.yml {@code mail.sender}). */
    public record Schedule(Duration pollInterval, int batchSize, Duration claimLease) {
    }

    /** config.yml {@code mail.retry}. */
    public record Retry(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        /** The wait after the {@code attempts}-th failed attempt: initialDelay doubled per earlier failure, capped. */
        Duration after(int attempts) {
            Duration delay = initialDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private final MailOutboxDao outbox;
    private final MailTransport transport;
    private final ScheduledExecutorService executor;
    private final Schedule schedule;
    private final Retry retry;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    public OutboxSender(MailOutboxDao outbox, MailTransport transport, ScheduledExecutorService executor,
                        Schedule schedule, Retry retry, Clock clock, MetricRegistry metrics) {
        this.outbox = outbox;
        this.transport = transport;
        this.executor = executor;
        this.schedule = schedule;
        this.retry = retry;
        this.clock = clock;
        this.sent = metrics.counter("portcullis.mail.sent");
        this.retried = metrics.counter("portcullis.mail.retried");
        this.failed = metrics.counter("portcullis.mail.failed");
    }

    @Override
    public void start() {
        long millis = schedule.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sendOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        // The executor is the lifecycle's and stops with it; a mail claimed but not settled is sent again
        // once its lease has run out.
    }

    /**
     * Sends every mail due now, batch after batch, until a batch comes back short; returns how many were
     * delivered. The scheduled rounds call this; so can a test or a benchmark.
     */
    public int sendDue() {
        int delivered = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutgoingMail> batch = outbox.claim(now, schedule.batchSize(), now.plus(schedule.claimLease()));
            if (batch.isEmpty()) {
                return delivered;
            }
            delivered += deliver(batch);
            if (batch.size() < schedule.batchSize()) {
                return delivered;
            }
        }
    }

    /** A scheduled round: a failure (the database is down) is logged; an exception would end the schedule. */
    private void sendOnSchedule() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Mail sender round failed, the next round tries again: {}", e.toString());
        }
    }

    private int deliver(List<OutgoingMail> batch) {
        int delivered = 0;
        MailTransport.Delivery delivery = null;
        for (OutgoingMail mail : batch) {
            try {
                if (delivery == null) {
                    delivery = transport.open();
                }
                delivery.send(mail);
                outbox.markSent(mail.id(), clock.instant());
                sent.inc();
                delivered++;
            } catch (Exception e) {
                // The connection may be what failed: the next mail of the batch opens a new one.
                delivery = closeQuietly(delivery);
                notDelivered(mail, e);
            }
        }
        closeQuietly(delivery);
        return delivered;
    }

    private void notDelivered(OutgoingMail mail, Exception e) {
        String error = truncated(e.getClass().getSimpleName() + ": " + e.getMessage());
        Instant now = clock.instant();
        if (mail.attempts() >= retry.maxAttempts()) {
            outbox.markFailed(mail.id(), now, error);
            failed.inc();
            LOG.warn("Mail {} given up after {} attempts: {}", mail.id(), mail.attempts(), error);
            return;
        }
        Duration wait = retry.after(mail.attempts());
        outbox.retryAt(mail.id(), now.plus(wait), error);
        retried.inc();
        LOG.info("Mail {} not delivered (attempt {} of {}), next try in {}: {}", mail.id(), mail.attempts(),
                retry.maxAttempts(), wait, error);
    }

    private static MailTransport.Delivery closeQuietly(MailTransport.Delivery delivery) {
        if (delivery != null) {
            try {
                delivery.close();
            } catch (Exception ignored) {
                // Closing a broken connection fails too; the mail's own outcome is already recorded.
            }
        }
        return null;
    }

    private static String truncated(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
