package org.portcullis.http.errors;

import org.portcullis.support.DatabaseExtension;

/** Bound values kept out of the log on embedded H2, the default database. */
class H2BoundValuesStayOutOfLogsTest extends BoundValuesStayOutOfLogsContract {
    H2BoundValuesStayOutOfLogsTest() {
        super(DatabaseExtension.h2());
    }
}
