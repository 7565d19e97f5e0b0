package org.portcullis.support;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail a GreenMail server received, read as a user would: by recipient, in arrival order, with the
 * plain-text part and the link's token pulled out. Delivery is asynchronous (the outbox sender polls), so
 * the waits poll GreenMail with a deadline; a mail that never comes fails the test at the deadline.
 */
public final class Inbox {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    private final GreenMailOperations server;

    public Inbox(GreenMailOperations server) {
        this.server = server;
    }

    /** Every mail received for {@code recipient} so far, oldest first. */
    public List<MimeMessage> to(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, recipient)).toList();
    }

    /** Waits until {@code recipient} has received {@code count} mails; returns them all, oldest first. */
    public List<MimeMessage> await(String recipient, int count) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<MimeMessage> received = to(recipient);
            if (received.size() >= count) {
                return received;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " mails to " + recipient + " within " + DEADLINE
                        + " but got " + received.size());
            }
            server.waitForIncomingEmail(100, server.getReceivedMessages().length + 1);
        }
    }

    /** The newest mail to {@code recipient} once it has {@code count}. */
    public MimeMessage awaitNth(String recipient, int count) {
        return await(recipient, count).get(count - 1);
    }

    /** The plain-text part of a multipart/alternative mail. */
    public static String text(MimeMessage message) {
        return part(message, 0);
    }

    /** The HTML part of a multipart/alternative mail. */
    public static String html(MimeMessage message) {
        return part(message, 1);
    }

    /** The single-use token of the mail's link. */
    public static String token(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no token link in the mail: " + text(message));
        }
        return matcher.group(1);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage message, int index) {
        try {
            // getContent decodes the transfer encoding (quoted-printable would break a long link across lines)
            return (String) ((Multipart) message.getContent()).getBodyPart(index).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
