package org.portcullis.http.resources;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** Known devices on PostgreSQL (TEST_POSTGRES_URL), in a database created for this run. */
@ExtendWith(PostgresAvailable.class)
class PostgresKnownDeviceTest extends KnownDeviceContract {
    PostgresKnownDeviceTest() {
        super(DatabaseExtension.postgres());
    }
}
