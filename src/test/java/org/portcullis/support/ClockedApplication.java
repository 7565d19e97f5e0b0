package org.portcullis.support;

import org.portcullis.PortcullisApplication;

import java.time.Clock;

/**
 * The application on a {@link SettableClock}: a test moves time by days (session lifetimes, purge
 * retention) instead of waiting. It starts at the real time, in the application clock's microseconds, and
 * only moves when told to; Jetty, the pools and the metrics keep real time.
 */
public final class ClockedApplication extends PortcullisApplication {
    private final SettableClock clock = new SettableClock(CLOCK.instant());

    @Override
    protected Clock clock() {
        return clock;
    }

    public SettableClock settableClock() {
        return clock;
    }
}
