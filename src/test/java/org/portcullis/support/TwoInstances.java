package org.portcullis.support;

import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.portcullis.PortcullisConfiguration;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Two instances of the application on one database, started before a class's tests and stopped after them
 * (register it after the {@link DatabaseExtension} it uses): what stateless nodes behind a load balancer are.
 */
public final class TwoInstances implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<String> databaseUrl;
    private final Map<String, String> settings;
    private DropwizardTestSupport<PortcullisConfiguration> a;
    private DropwizardTestSupport<PortcullisConfiguration> b;

    /** @param settings config overrides both instances get, as for {@link TestApps#support} */
    public TwoInstances(Supplier<String> databaseUrl, Map<String, String> settings) {
        this.databaseUrl = databaseUrl;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        a = TestApps.support(databaseUrl, settings);
        b = TestApps.support(databaseUrl, settings);
        a.before();
        b.before();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (b != null) {
            b.after();
        }
        if (a != null) {
            a.after();
        }
    }

    public DropwizardTestSupport<PortcullisConfiguration> a() {
        return a;
    }

    public DropwizardTestSupport<PortcullisConfiguration> b() {
        return b;
    }
}
