package org.portcullis.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    /** The violations of a registration that differs from a valid one only in its email. */
    private List<String> problems(String email) {
        return validator.validate(new RegisterRequest(email, "correct horse battery", "Ann", null)).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "a@", "@example.com", "a@@example.com", "example.com", "a b@example.com"})
    void blankAndMalformedAddressesAreOneViolationOfTheEmail(String email) {
        assertThat(problems(email)).containsExactly("email: must be a well-formed email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", " Ann@Example.COM ", "a.b+tag@sub.example.org", "a@localhost"})
    void wellFormedAddressesPass(String email) {
        assertThat(problems(email)).isEmpty();
    }

    @Test
    void aMissingEmailIsOnlyNotNull() {
        assertThat(validator.validate(new RegisterRequest(null, "correct horse battery", "Ann", null)))
                .extracting(ConstraintViolation::getMessage).containsExactly("must not be null");
    }
}
