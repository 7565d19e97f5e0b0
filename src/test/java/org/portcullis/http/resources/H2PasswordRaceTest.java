package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** Password races on embedded H2, the default database. */
class H2PasswordRaceTest extends PasswordRaceContract {
    H2PasswordRaceTest() {
        super(DatabaseExtension.h2());
    }
}
