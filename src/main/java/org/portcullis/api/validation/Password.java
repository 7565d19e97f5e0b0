package org.portcullis.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password: at least 12 characters and at most 72 bytes of UTF-8. bcrypt ignores every byte past
 * the 72nd, so a longer password is refused rather than silently truncated: truncation would let
 * "a 100-character passphrase" be matched by its first 72 bytes alone.
 */
@Documented
@Constraint(validatedBy = PasswordValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Password {
    int MIN_CHARACTERS = 12;
    int MAX_UTF8_BYTES = 72;

    String message() default "must be 12 to 72 bytes long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
