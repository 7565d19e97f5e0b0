package org.portcullis.db;

import org.portcullis.support.TestDatabase;

/** {@link Lockouts} on H2 in PostgreSQL mode. */
class H2LockoutsTest extends LockoutsContract {
    H2LockoutsTest() {
        super(TestDatabase::h2);
    }
}
