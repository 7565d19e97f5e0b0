package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A 202: the request is taken and will be acted on after this answer. */
public record AcceptedResponse(@JsonProperty("message") String message) {
    /** The one answer to every password-reset request, whether or not the address has an account. */
    public static final AcceptedResponse PASSWORD_RESET = new AcceptedResponse(
            "If an account uses this address, a reset link is on its way to it");
    public static final AcceptedResponse VERIFICATION = new AcceptedResponse(
            "A new verification link is on its way to your address");
}
