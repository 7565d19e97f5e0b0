package org.portcullis.tokens;

import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;

/** Token verification by other services, on PostgreSQL (introspection reads through the caller cache there). */
@ExtendWith(PostgresAvailable.class)
class PostgresTokenVerificationTest extends TokenVerificationContract {
    PostgresTokenVerificationTest() {
        super(DatabaseExtension.postgres());
    }
}
