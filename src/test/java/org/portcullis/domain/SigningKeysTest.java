package org.portcullis.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    @Test
    void aSecretIsUsedAsItsUtf8Bytes() {
        String secret = "ü".repeat(16); // 16 characters, 32 bytes
        assertThat(SigningKeys.isAcceptable(secret)).isTrue();
        assertThat(SigningKeys.fromSecret(secret)).hasSize(32);
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThat(SigningKeys.isAcceptable("x".repeat(31))).isFalse();
        assertThatThrownBy(() -> SigningKeys.fromSecret("x".repeat(31))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptySecretGivesADifferentRandomKeyEachTime() {
        assertThat(SigningKeys.fromSecret("")).hasSize(32).isNotEqualTo(SigningKeys.fromSecret(""));
    }
}
