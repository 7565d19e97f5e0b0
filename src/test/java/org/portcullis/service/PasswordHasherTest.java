package org.portcullis.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mindrot.jbcrypt.BCrypt;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    /** pyca/bcrypt's test vector (tests/test_bcrypt.py): a $2b$ hash made by OpenBSD's implementation. */
    private static final String PYCA_PASSWORD = "Kk4DQuMMfZL9o";
    private static final String PYCA_2B_HASH = "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm";
    /** The PHP manual's password_verify example: a $2y$ hash made by PHP's crypt(). */
    private static final String PHP_PASSWORD = "rasmuslerdorf";
    private static final String PHP_2Y_HASH = "$2y$07$BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq";

    private final PasswordHasher hasher = new PasswordHasher(4);
    private final Logger log = (Logger) LoggerFactory.getLogger(PasswordHasher.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void releaseTheLog() {
        log.detachAppender(logged);
    }

    @Test
    void theDecoyIsHashedWhenTheHasherIsBuiltNotAtTheFirstUnknownEmail() {
        AtomicInteger hashes = new AtomicInteger();
        PasswordHasher counted = new PasswordHasher(4, (password, salt) -> {
            hashes.incrementAndGet();
            return BCrypt.hashpw(password, salt);
        });
        assertThat(hashes).as("the decoy, made at start").hasValue(1);

        assertThat(counted.matchesNothing("an unknown email's password")).isFalse();
        assertThat(counted.matchesNothing("another one")).isFalse();
        assertThat(hashes).as("checks against the decoy make no hash").hasValue(1);
    }

    @Test
    void ourOwnHashesVerify() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("$2a$04$");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterz", hash)).isFalse();
    }

    @Test
    void importedHashesWithThe2bPrefixVerify() {
        assertThat(hasher.matches(PYCA_PASSWORD, PYCA_2B_HASH)).isTrue();
        assertThat(hasher.matches(PYCA_PASSWORD + "x", PYCA_2B_HASH)).isFalse();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void importedHashesWithThe2yPrefixVerify() {
        assertThat(hasher.matches(PHP_PASSWORD, PHP_2Y_HASH)).isTrue();
        assertThat(hasher.matches("Rasmuslerdorf", PHP_2Y_HASH)).isFalse();
        assertThat(logged.list).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not a hash", "$2a$04$short", "$2x$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm",
            "$2a$99$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm", "$2a$xx$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3Y",
            "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"})
    void aMalformedStoredHashMatchesNothingAndIsLoggedWithoutItsValue(String storedHash) {
        assertThat(hasher.matches(PYCA_PASSWORD, storedHash)).isFalse();

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
            if (storedHash != null && !storedHash.isEmpty()) {
                assertThat(event.getFormattedMessage()).doesNotContain(storedHash).doesNotContain("$2");
            }
        });
    }
}
