package org.portcullis.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the next few password checks right after bcrypt has decided them, before the service acts on the
 * answer: the window between "the password was right" and "the session is opened" (or "the hash is
 * replaced") in which a concurrent change can slip. Off unless armed; one arming holds {@code checks}
 * checks, and they go on together when the test releases them.
 */
public final class PasswordCheckHold {
    private static final long DEADLINE_SECONDS = 30;

    private static int toHold;
    private static CountDownLatch decided = new CountDownLatch(0);
    private static CountDownLatch release = new CountDownLatch(0);

    private PasswordCheckHold() {
    }

    /** Holds the next {@code checks} password checks until {@link #release()}. */
    public static synchronized void arm(int checks) {
        toHold = checks;
        decided = new CountDownLatch(checks);
        release = new CountDownLatch(1);
    }

    /** Waits until every held check has been decided by bcrypt; false if that did not happen in time. */
    public static boolean awaitDecided() throws InterruptedException {
        CountDownLatch latch;
        synchronized (PasswordCheckHold.class) {
            latch = decided;
        }
        return latch.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** Lets the held checks go on. */
    public static synchronized void release() {
        release.countDown();
    }

    /** Called by the seam after each check. */
    static void decided() {
        CountDownLatch waitFor;
        synchronized (PasswordCheckHold.class) {
            if (toHold == 0) {
                return;
            }
            toHold--;
            decided.countDown();
            waitFor = release;
        }
        try {
            waitFor.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
