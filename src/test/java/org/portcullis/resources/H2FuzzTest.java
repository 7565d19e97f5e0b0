package org.portcullis.resources;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

/** The fuzz test on H2. */
class H2FuzzTest extends FuzzContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url);

    @Override
    protected DropwizardAppExtension<PortcullisConfiguration> app() {
        return APP;
    }
}
