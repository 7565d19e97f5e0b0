package org.portcullis.service;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.portcullis.domain.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The default transport: each mail becomes an .eml file (RFC 5322, opens in any mail client) in a
 * directory, and one INFO line gives its path, so `make run` works with no mail server and a newcomer can
 * read the mail the service sent. The line never shows the mail's content: its link carries a token.
 */
public final class FileTransport implements MailTransport {
    private static final Logger LOG = LoggerFactory.getLogger(FileTransport.class);

    private final Path directory;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    public FileTransport(Path directory, String from) {
        this.directory = directory;
        this.from = MimeMessages.from(from);
    }

    @Override
    public Delivery open() {
        return new Delivery() {
            @Override
            public void send(OutgoingMail mail) throws MessagingException, IOException {
                Files.createDirectories(directory);
                Path file = directory.resolve(mail.id() + ".eml");
                // Written under a temporary name and renamed, so a reader never opens half a mail.
                Path partial = directory.resolve(mail.id() + ".eml.part");
                try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    MimeMessages.of(mail, session, from).writeTo(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Mail written to {}", file);
            }

            @Override
            public void close() {
            }
        };
    }
}
