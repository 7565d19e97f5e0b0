package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** Hostile input on embedded H2, the default database. */
class H2HostileInputTest extends HostileInputContract {
    H2HostileInputTest() {
        super(DatabaseExtension.h2());
    }
}
