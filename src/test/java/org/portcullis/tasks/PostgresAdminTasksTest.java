package org.portcullis.tasks;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** The account tasks on PostgreSQL (TEST_POSTGRES_URL), in a database created for this run. */
@ExtendWith(PostgresAvailable.class)
class PostgresAdminTasksTest extends AdminTasksContract {
    PostgresAdminTasksTest() {
        super(DatabaseExtension.postgres());
    }
}
