package org.portcullis.faults;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

import java.util.Map;

/** Lock timeouts on PostgreSQL: lock_timeout (ms) set for every app connection through the driver's options. */
@ExtendWith(PostgresAvailable.class)
class PostgresLockTimeoutTest extends LockTimeoutContract {
    PostgresLockTimeoutTest() {
        super(DatabaseExtension.postgres(), Map.of("database.properties.options", "-c lock_timeout=200"));
    }
}
