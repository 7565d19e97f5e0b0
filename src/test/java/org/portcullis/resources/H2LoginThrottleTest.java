package org.portcullis.resources;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.DatabaseExtension;

import org.portcullis.support.TestApps;

/** Login throttling on H2. */

class H2LoginThrottleTest extends LoginThrottleContract {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(DB::url, SETTINGS);

    @Override
    protected DropwizardAppExtension<PortcullisConfiguration> app() {
        return APP;
    }
}
