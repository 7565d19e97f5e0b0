package org.portcullis.config;

import org.junit.jupiter.api.Test;

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
}
