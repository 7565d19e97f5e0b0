package org.portcullis.support;

import org.portcullis.PortcullisApplication;
import org.portcullis.service.PasswordHasher;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The application with a seam in every new password hash: when a test {@link #arm arms} it for n hashes,
 * each waits at a barrier until all n have arrived. Two confirmations of one reset token have then both
 * passed the token's lookup before either spends it: the race runs in its worst order every time. The
 * barrier gives up after 30 s, so a request that never comes fails the test instead of hanging it.
 */
public class HeldHashApplication extends PortcullisApplication {
    private static volatile CyclicBarrier barrier;

    /** The next {@code hashes} hashes wait for each other. */
    public static void arm(int hashes) {
        barrier = new CyclicBarrier(hashes, () -> barrier = null);
    }

    /** True once every armed hash has arrived (the barrier tripped), or when nothing was armed. */
    public static boolean allArrived() {
        return barrier == null;
    }

    @Override
    protected PasswordHasher passwordHasher(int cost) {
        return new PasswordHasher(cost) {
            @Override
            public String hash(String password) {
                CyclicBarrier held = barrier;
                if (held != null) {
                    try {
                        held.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("the held hashes never all arrived", e);
                    }
                }
                return super.hash(password);
            }
        };
    }
}
