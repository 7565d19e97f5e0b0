package org.portcullis.mail;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** Account recovery by mail on PostgreSQL (TEST_POSTGRES_URL). */
@ExtendWith(PostgresAvailable.class)
class PostgresMailTest extends MailContract {
    PostgresMailTest() {
        super(DatabaseExtension.postgres());
    }
}
