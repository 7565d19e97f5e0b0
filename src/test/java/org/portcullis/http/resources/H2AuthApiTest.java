package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** The API contract on embedded H2, the default database. */
class H2AuthApiTest extends AuthApiContract {
    H2AuthApiTest() {
        super(DatabaseExtension.h2());
    }
}
