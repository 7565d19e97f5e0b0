package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** The registration limit on embedded H2, the default database. */
class H2RegistrationLimitTest extends RegistrationLimitContract {
    H2RegistrationLimitTest() {
        super(DatabaseExtension.h2());
    }
}
