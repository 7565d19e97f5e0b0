package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** Session lifetime and per-user limit on embedded H2, the default database. */
class H2SessionLimitsTest extends SessionLimitsContract {
    H2SessionLimitsTest() {
        super(DatabaseExtension.h2());
    }
}
