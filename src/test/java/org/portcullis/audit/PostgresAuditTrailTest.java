package org.portcullis.audit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** The audit trail on PostgreSQL. */
@ExtendWith(PostgresAvailable.class)
class PostgresAuditTrailTest extends AuditTrailContract {
    PostgresAuditTrailTest() {
        super(DatabaseExtension.postgres());
    }
}
