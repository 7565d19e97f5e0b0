package org.portcullis.http.errors;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** Bound values kept out of the log on PostgreSQL (TEST_POSTGRES_URL), in a database created for this run. */
@ExtendWith(PostgresAvailable.class)
class PostgresBoundValuesStayOutOfLogsTest extends BoundValuesStayOutOfLogsContract {
    PostgresBoundValuesStayOutOfLogsTest() {
        super(DatabaseExtension.postgres());
    }
}
