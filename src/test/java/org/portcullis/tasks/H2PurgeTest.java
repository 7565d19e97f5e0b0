package org.portcullis.tasks;

import org.portcullis.support.DatabaseExtension;

/** The purge task on embedded H2, the default database. */
class H2PurgeTest extends PurgeContract {
    H2PurgeTest() {
        super(DatabaseExtension.h2());
    }
}
