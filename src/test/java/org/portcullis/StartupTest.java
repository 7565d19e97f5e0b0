package org.portcullis;

import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.Test;
import org.portcullis.support.TestApps;
import org.portcullis.support.TestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What config.yml allows and refuses at start. */
class StartupTest {
    @Test
    void aJwtSecretShorterThan32BytesRefusesToStart() {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("tokens.secret", "too-short-secret"));
        try {
            assertThatThrownBy(app::before).hasMessageContaining("at least 32 bytes");
        } finally {
            app.after();
            db.close();
        }
    }

    @Test
    void aBcryptCostOutsideFourToThirtyOneRefusesToStart() {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("passwords.bcryptCost", "3"));
        try {
            assertThatThrownBy(app::before).hasMessageContaining("bcryptCost");
        } finally {
            app.after();
            db.close();
        }
    }

    @Test
    void theProductionDefaultsAreTheDocumentedOnes() throws Exception {
        TestDatabase db = TestDatabase.h2();
        DropwizardTestSupport<PortcullisConfiguration> app = TestApps.support(db::url,
                Map.of("tokens.secret", ""));
        try {
            app.before();
            PortcullisConfiguration config = app.getConfiguration();
            assertThat(config.getTokens().getAccessTokenLifetime().toSeconds()).isEqualTo(15 * 60);
            assertThat(config.getTokens().getRefreshTokenLifetime().toDays()).isEqualTo(7);
            assertThat(config.getTokens().getClockLeeway().toSeconds()).isEqualTo(30);
            assertThat(config.getClients().getTrustedProxies()).isEmpty();
            assertThat(config.isMigrateOnStart()).isTrue();
        } finally {
            app.after();
            db.close();
        }
    }
}
