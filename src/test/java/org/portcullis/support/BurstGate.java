package org.portcullis.support;

import java.time.Duration;

/**
 * Holds every password check that reaches bcrypt until each request of a burst has either arrived at
 * bcrypt or been answered. The throttle's decisions are then all taken while the whole burst is in
 * flight: no guess can finish (and be counted) before another one is decided, which is the case a
 * check-then-act throttle gets wrong. Opens by itself after a deadline, so a broken throttle fails the
 * test's count instead of hanging it.
 */
public final class BurstGate {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static int expected;
    private static int arrived;
    private static int answered;
    private static boolean open = true;
    private static boolean timedOut;

    private BurstGate() {
    }

    /** Closes the gate for a burst of {@code requests}. */
    public static synchronized void arm(int requests) {
        expected = requests;
        arrived = 0;
        answered = 0;
        open = false;
        timedOut = false;
    }

    /** A request of the burst was answered without reaching bcrypt (or after it, which is harmless). */
    public static synchronized void answered() {
        answered++;
        openIfDecided();
    }

    /** Called by the seam at each bcrypt check: waits until the whole burst is decided. */
    public static synchronized void arriveAtBcrypt() {
        arrived++;
        openIfDecided();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!open) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                timedOut = true;
                open();
                break;
            }
            try {
                BurstGate.class.wait(left / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Password checks that reached bcrypt since {@link #arm}. */
    public static synchronized int arrivals() {
        return arrived;
    }

    /** True if the gate gave up waiting: the burst was never fully decided while held. */
    public static synchronized boolean timedOut() {
        return timedOut;
    }

    private static void openIfDecided() {
        if (!open && arrived + answered >= expected) {
            open();
        }
    }

    private static void open() {
        open = true;
        BurstGate.class.notifyAll();
    }
}
