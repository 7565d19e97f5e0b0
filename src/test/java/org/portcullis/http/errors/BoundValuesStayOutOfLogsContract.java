package org.portcullis.http.errors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.support.Api;
import org.portcullis.support.AppOnDatabase;
import org.portcullis.support.DatabaseExtension;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that fails is logged with its stack trace (the 500's error id), but the values bound to it
 * stay out: Jdbi's default message appends every argument, and PostgreSQL's server detail repeats the
 * failing row ("Failing row contains (…)"), and a registration binds the new bcrypt hash. The INSERT here
 * fails on a CHECK constraint the test adds under the running service.
 */
abstract class BoundValuesStayOutOfLogsContract extends AppOnDatabase {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    protected BoundValuesStayOutOfLogsContract(DatabaseExtension db) {
        super(db, Map.of());
    }

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
        database().execute("ALTER TABLE users ADD CONSTRAINT no_secretive CHECK (last_name <> 'Secretive')");
        String email = "hash-in-log@example.org";

        new Api(app().getLocalPort()).post("/api/v1/auth/register", null, Map.of("email", email,
                "password", Api.PASSWORD, "first_name", "Ann", "last_name", "Secretive")).expect(500);

        String log = logged.list.stream()
                .map(event -> event.getFormattedMessage() + "\n"
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(log).as("the failure itself is logged").contains("Unexpected error").containsIgnoringCase("no_secretive");
        assertThat(log).doesNotContain("$2a$", email, "arguments:");
    }
}
