package org.portcullis.faults;

import org.portcullis.support.DatabaseExtension;

import java.util.Map;

/** A failed lock write on embedded H2: its LOCK_TIMEOUT setting (ms) as a connection property. */
class H2LockWriteFaultTest extends LockWriteFaultContract {
    H2LockWriteFaultTest() {
        super(DatabaseExtension.h2(), Map.of("database.properties.LOCK_TIMEOUT", "200"));
    }
}
