package org.portcullis.http.resources;

import org.portcullis.support.DatabaseExtension;

/** Known devices on embedded H2, the default database. */
class H2KnownDeviceTest extends KnownDeviceContract {
    H2KnownDeviceTest() {
        super(DatabaseExtension.h2());
    }
}
