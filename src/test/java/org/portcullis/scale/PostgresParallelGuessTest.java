package org.portcullis.scale;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** Parallel guesses on two instances sharing one PostgreSQL database (TEST_POSTGRES_URL). */
@ExtendWith(PostgresAvailable.class)
class PostgresParallelGuessTest extends ParallelGuessContract {
    PostgresParallelGuessTest() {
        super(DatabaseExtension.postgres());
    }
}
