package org.portcullis.guard;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What an endpoint's recent window says about its budget. {@link #INSUFFICIENT} is neither good nor bad:
 * with fewer requests than {@code latencyGuard.minRequests} in the window, one slow request would be the
 * p99 by itself, so the window is not judged at all.
 */
public enum BudgetState {
    OK, OVER, INSUFFICIENT;

    /** The name /latency and the health-check messages use: {@code ok}, {@code over}, {@code insufficient}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
