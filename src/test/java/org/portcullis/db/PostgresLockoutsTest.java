package org.portcullis.db;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestDatabase;

/** {@link Lockouts} on PostgreSQL (TEST_POSTGRES_URL), in a database created for this run. */
@ExtendWith(PostgresAvailable.class)
class PostgresLockoutsTest extends LockoutsContract {
    PostgresLockoutsTest() {
        super(TestDatabase::postgres);
    }
}
