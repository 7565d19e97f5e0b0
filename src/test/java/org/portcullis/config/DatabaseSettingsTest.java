package org.portcullis.config;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSettingsTest {
    @Test
    void theDriverFollowsTheUrlUnlessSetExplicitly() {
        DatabaseSettings postgres = new DatabaseSettings();
        postgres.setUrl("jdbc:postgresql://db:5432/portcullis");
        assertThat(postgres.getDriverClass()).isEqualTo("org.postgresql.Driver");

        DatabaseSettings h2 = new DatabaseSettings();
        h2.setUrl("jdbc:h2:./data/portcullis;MODE=PostgreSQL");
        assertThat(h2.getDriverClass()).isEqualTo("org.h2.Driver");

        DatabaseSettings explicit = new DatabaseSettings();
        explicit.setDriverClass("com.example.Driver");
        explicit.setUrl("jdbc:postgresql://db/portcullis");
        assertThat(explicit.getDriverClass()).isEqualTo("com.example.Driver");
    }

    @Test
    void theHealthChecksPoolIsOneConnectionToTheSameDatabaseThatWaitsAtMostTheTimeout() {
        DatabaseSettings settings = new DatabaseSettings();
        settings.setUrl("jdbc:postgresql://db:5432/portcullis");
        settings.setUser("portcullis");
        settings.setPassword("secret");
        settings.setProperties(Map.of("charSet", "UTF-8"));
        settings.setMaxSize(32);

        DataSourceFactory probe = settings.probePool(Duration.seconds(2));

        assertThat(probe).isNotSameAs(settings);
        assertThat(probe.getMaxSize()).isEqualTo(1);
        assertThat(probe.getMinSize()).isZero();
        assertThat(probe.getUrl()).isEqualTo(settings.getUrl());
        assertThat(probe.getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(probe.getUser()).isEqualTo("portcullis");
        assertThat(probe.getPassword()).isEqualTo("secret");
        assertThat(probe.getProperties()).containsEntry("charSet", "UTF-8");
        assertThat(probe.getMaxWaitForConnection()).isEqualTo(Duration.seconds(2));
        assertThat(probe.getCheckConnectionOnBorrow()).isTrue();
        assertThat(settings.getMaxSize()).as("the request pool is left as it was").isEqualTo(32);
    }

    @Test
    void anH2UrlThatNamesNoModeGetsPostgresModeAndOneThatNamesItIsLeftAlone() {
        DatabaseSettings bare = new DatabaseSettings();
        bare.setUrl("jdbc:h2:/some/path");
        assertThat(bare.getUrl()).isEqualTo("jdbc:h2:/some/path;MODE=PostgreSQL");
        assertThat(bare.isUrlOfASupportedDatabase()).isTrue();

        DatabaseSettings named = new DatabaseSettings();
        named.setUrl("jdbc:h2:mem:x;mode=postgresql;DB_CLOSE_DELAY=-1");
        assertThat(named.getUrl()).isEqualTo("jdbc:h2:mem:x;mode=postgresql;DB_CLOSE_DELAY=-1");
        assertThat(named.isUrlOfASupportedDatabase()).isTrue();
    }

    @Test
    void onlyPostgresAndH2InPostgresModeAreSupported() {
        for (String url : new String[]{"jdbc:mysql://db/portcullis", "jdbc:h2:mem:x;MODE=MySQL", "", "h2:mem:x"}) {
            DatabaseSettings settings = new DatabaseSettings();
            settings.setUrl(url);
            assertThat(settings.isUrlOfASupportedDatabase()).as(url).isFalse();
        }
        DatabaseSettings postgres = new DatabaseSettings();
        postgres.setUrl("jdbc:postgresql://db:5432/portcullis?sslmode=require");
        assertThat(postgres.isUrlOfASupportedDatabase()).isTrue();
    }

    @Test
    void postgresErrorsLeaveTheFailingRowOutUnlessTheOperatorSaysOtherwise() {
        DatabaseSettings postgres = new DatabaseSettings();
        postgres.setProperties(Map.of("charSet", "UTF-8"));
        postgres.setUrl("jdbc:postgresql://db:5432/portcullis");
        assertThat(postgres.getProperties()).containsEntry("logServerErrorDetail", "false").containsEntry("charSet", "UTF-8");

        DatabaseSettings urlFirst = new DatabaseSettings();
        urlFirst.setUrl("jdbc:postgresql://db:5432/portcullis");
        urlFirst.setProperties(Map.of("charSet", "UTF-8"));
        assertThat(urlFirst.getProperties()).containsEntry("logServerErrorDetail", "false");

        DatabaseSettings explicit = new DatabaseSettings();
        explicit.setUrl("jdbc:postgresql://db:5432/portcullis");
        explicit.setProperties(Map.of("logServerErrorDetail", "true"));
        assertThat(explicit.getProperties()).containsEntry("logServerErrorDetail", "true");

        DatabaseSettings h2 = new DatabaseSettings();
        h2.setUrl("jdbc:h2:mem:x;MODE=PostgreSQL");
        assertThat(h2.getProperties()).doesNotContainKey("logServerErrorDetail");
    }
}
