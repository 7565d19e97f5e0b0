package org.portcullis.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Gives a limited request's slot back as soon as Jersey has its response, before the body is written: the
 * client cannot have its answer while its request still counts as in flight (see {@link ConcurrencyLimitFilter}).
 */
final class SlotRelease implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ConcurrencyLimitFilter.Slot.ATTRIBUTE) instanceof ConcurrencyLimitFilter.Slot slot) {
            slot.giveBack(response.getStatus() < 500);
        }
    }
}
