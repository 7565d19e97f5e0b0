package org.portcullis.guard;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.portcullis.service.BcryptBulkhead;

/**
 * The bcrypt bulkhead's door: a request to a {@link BehindBcryptBulkhead} endpoint is refused with 503 +
 * Retry-After (the bulkhead's own refusal, through the one error mapper) while the bulkhead has no room,
 * before anything is spent on it. During a login flood most logins are refused; refused after their JSON
 * was parsed and validated, the account read and the throttle's attempt claimed and given back in the
 * database, they took CPU from the bcrypt threads and served fewer logins than the cores could verify.
 *
 * <p>A Jersey filter bound after matching runs before the entity is read (Jersey reads it when it builds the
 * resource method's arguments), so a refused request's body is never parsed; it runs before authentication
 * too, whose database read a refused password change need not pay either.
 */
public final class BcryptDoor implements DynamicFeature {
    private final ContainerRequestFilter logins;
    private final ContainerRequestFilter registrations;

    public BcryptDoor(BcryptBulkhead bulkhead) {
        this.logins = new Door(bulkhead::requireRoom);
        this.registrations = new Door(bulkhead::requireRoomForRegistration);
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        BehindBcryptBulkhead marker = resource.getResourceMethod().getAnnotation(BehindBcryptBulkhead.class);
        if (marker != null) {
            context.register(marker.registration() ? registrations : logins, Priorities.AUTHENTICATION - 100);
        }
    }

    /** Asks the bulkhead for room; its refusal (a RetryLaterException) becomes the 503. */
    private record Door(Runnable requireRoom) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            requireRoom.run();
        }
    }
}
