package org.portcullis.api;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordValidatorTest {
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private java.util.List<String> problems(String password) {
        return validator.validate(new ChangePasswordRequest("current", password)).stream()
                .map(v -> v.getMessage()).toList();
    }

    @Test
    void twelveCharactersIsTheMinimum() {
        assertThat(problems("x".repeat(11))).containsExactly("must be at least 12 characters");
        assertThat(problems("x".repeat(12))).isEmpty();
    }

    @Test
    void charactersAreCountedAsCodePointsAndTheLimitAsUtf8Bytes() {
        assertThat(problems("😀".repeat(12))).isEmpty();                 // 12 code points, 48 bytes
        assertThat(problems("😀".repeat(18))).isEmpty();                 // 72 bytes
        assertThat(problems("😀".repeat(18) + "a")).containsExactly("must be at most 72 bytes of UTF-8");
    }
}
