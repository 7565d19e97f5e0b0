package org.portcullis.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.nio.charset.StandardCharsets;

/** Checks {@link Password}; null is left to {@code @NotNull}. */
public class PasswordValidator implements ConstraintValidator<Password, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = null;
        if (value.codePointCount(0, value.length()) < Password.MIN_CHARACTERS) {
            problem = "must be at least " + Password.MIN_CHARACTERS + " characters";
        } else if (value.getBytes(StandardCharsets.UTF_8).length > Password.MAX_UTF8_BYTES) {
            problem = "must be at most " + Password.MAX_UTF8_BYTES + " bytes of UTF-8";
        }
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
