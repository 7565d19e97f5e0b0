package org.portcullis.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import org.portcullis.domain.DisplayText;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * No control characters in a stored display string: C0, DEL and C1 controls, bidi overrides, isolates and
 * marks, and the Unicode line separators ({@link DisplayText} says which and why). A NUL byte is not even
 * storable in a PostgreSQL text column, and the others only serve to forge log lines or disguise what the
 * UIs that show names and device labels display.
 */
@Documented
@Pattern(regexp = DisplayText.SAFE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {
    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
