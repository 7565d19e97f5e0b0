package org.portcullis.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address an account can be created under: Hibernate Validator's {@code @Email} rules, and not empty.
 * {@code @Email} alone accepts "" (it leaves empty values to other constraints), and request records strip
 * whitespace before validation, so {@code ""} and {@code "   "} both arrived as "" and created an account
 * nobody could ever log in to. Null is left to {@code @NotNull}, so a missing field gets one message.
 */
@Documented
@Email
@Size(min = 1)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {
    String message() default "must be a well-formed email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
