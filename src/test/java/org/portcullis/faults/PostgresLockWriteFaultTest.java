package org.portcullis.faults;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

import java.util.Map;

/** A failed lock write on PostgreSQL: lock_timeout (ms) for every app connection through the driver's options. */
@ExtendWith(PostgresAvailable.class)
class PostgresLockWriteFaultTest extends LockWriteFaultContract {
    PostgresLockWriteFaultTest() {
        super(DatabaseExtension.postgres(), Map.of("database.properties.options", "-c lock_timeout=200"));
    }
}
