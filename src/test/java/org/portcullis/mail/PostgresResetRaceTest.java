package org.portcullis.mail;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** The single-use race on PostgreSQL (TEST_POSTGRES_URL). */
@ExtendWith(PostgresAvailable.class)
class PostgresResetRaceTest extends ResetRaceContract {
    PostgresResetRaceTest() {
        super(DatabaseExtension.postgres());
    }
}
