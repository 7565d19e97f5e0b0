package org.portcullis.resources;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.PostgresAvailable;
import org.portcullis.support.TestApps;
import org.portcullis.support.TestDatabase;

/** The same API contract on PostgreSQL (TEST_POSTGRES_URL), in a database created for this run. */
@ExtendWith(PostgresAvailable.class)
class PostgresAuthApiTest extends AuthApiContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.postgres();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url);

    @Override
    protected DropwizardAppExtension<PortcullisConfiguration> app() {
        return APP;
    }

    @Override
    protected TestDatabase database() {
        return DB.database();
    }
}
