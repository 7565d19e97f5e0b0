package org.portcullis.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the cheap API endpoints (a method, or every method of a resource) that the adaptive concurrency limit
 * guards: beyond the limit a request gets 503 + Retry-After at once instead of queueing in Jetty. Logins,
 * registrations and password changes are not marked: their cost is bcrypt, which the bcrypt bulkhead guards,
 * and a limit measured on their seconds-long latency would mean nothing for the others. /health is not
 * marked either: shedding a load balancer's probe would take a busy, working node out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConcurrencyLimited {
}
