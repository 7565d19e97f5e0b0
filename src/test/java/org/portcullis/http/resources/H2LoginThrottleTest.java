package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** Login throttling on embedded H2, the default database. */
class H2LoginThrottleTest extends LoginThrottleContract {
    H2LoginThrottleTest() {
        super(DatabaseExtension.h2());
    }
}
