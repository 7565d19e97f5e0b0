package org.portcullis.http.resources;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** Login throttling on PostgreSQL (TEST_POSTGRES_URL), in a database created for this run. */
@ExtendWith(PostgresAvailable.class)
class PostgresLoginThrottleTest extends LoginThrottleContract {
    PostgresLoginThrottleTest() {
        super(DatabaseExtension.postgres());
    }
}
