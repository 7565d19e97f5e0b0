package org.portcullis.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds requests to {@link HeldRequestApplication}'s test endpoint inside the resource until released, so a
 * test knows exactly how many are in flight. A held request gives up after a deadline, so a broken test
 * fails instead of hanging.
 */
public final class RequestHold {
    private static final long DEADLINE_SECONDS = 30;

    private static volatile CountDownLatch entered = new CountDownLatch(0);
    private static volatile CountDownLatch release = new CountDownLatch(0);

    private RequestHold() {
    }

    /** Holds the next requests; {@link #awaitEntered} returns once {@code requests} of them are inside. */
    public static void arm(int requests) {
        entered = new CountDownLatch(requests);
        release = new CountDownLatch(1);
    }

    public static boolean awaitEntered() throws InterruptedException {
        return entered.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    public static void release() {
        release.countDown();
    }

    /** Called by the held endpoint. */
    static void enterAndWait() throws InterruptedException {
        entered.countDown();
        release.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
}
