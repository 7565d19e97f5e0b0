package org.portcullis.http.errors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that fails is logged with its stack trace (the 500's error id), but the values bound to it
 * stay out: Jdbi's default message appends every argument, and a registration binds the new bcrypt hash.
 * The INSERT here fails because the test renamed a column under the running service.
 */
class BoundValuesStayOutOfLogsTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url);

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void releaseTheLog() {
        root.detachAppender(logged);
    }

    @Test
    void aFailedInsertLogsNeitherTheHashNorTheOtherBoundValues() {
        DB.database().execute("ALTER TABLE users RENAME COLUMN last_name TO surname");
        String email = "hash-in-log@example.org";

        new Api(APP.getLocalPort()).post("/api/v1/auth/register", null, Map.of("email", email,
                "password", Api.PASSWORD, "first_name", "Ann", "last_name", "Secretive")).expect(500);

        String log = logged.list.stream()
                .map(event -> event.getFormattedMessage() + "\n"
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(log).as("the failure itself is logged").contains("Unexpected error", "LAST_NAME");
        assertThat(log).doesNotContain("$2a$", email, "Secretive", "arguments:");
    }
}
