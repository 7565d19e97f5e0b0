package org.portcullis.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose cost is bcrypt (login, registration, password change): while the bcrypt bulkhead
 * is full, {@link BcryptDoor} answers it 503 + Retry-After before its body is read or anything else is done
 * for it, instead of after parsing, validation and the throttle's database claims.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BehindBcryptBulkhead {
    /** True for registrations, which may hold only their half of the bulkhead's places. */
    boolean registration() default false;
}
