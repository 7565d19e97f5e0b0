package org.portcullis.faults;

import org.portcullis.support.DatabaseExtension;

import java.util.Map;

/** Lock timeouts on embedded H2: its LOCK_TIMEOUT setting (ms) as a connection property. */
class H2LockTimeoutTest extends LockTimeoutContract {
    H2LockTimeoutTest() {
        super(DatabaseExtension.h2(), Map.of("database.properties.LOCK_TIMEOUT", "200"));
    }
}
