package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** The fuzz test on embedded H2, the default database. */
class H2FuzzTest extends FuzzContract {
    H2FuzzTest() {
        super(DatabaseExtension.h2());
    }
}
