package org.portcullis.core;

import org.mindrot.jbcrypt.BCrypt;

import java.util.function.Supplier;

/**
 * bcrypt at the configured cost. Each cost step doubles the work; at the default 12 a hash or a check
 * takes a few hundred milliseconds of one core, which is the point and also the service's main
 * capacity limit (logins per second per core is about 1 / that time). Not final only so that tests can
 * watch which checks reach bcrypt.
 */
public class PasswordHasher {
    private final int cost;
    /**
     * A hash of a random password at the same cost, verified against when an email is unknown, so that
     * "no such account" costs the same time as "wrong password" and the two cannot be told apart.
     */
    private final Supplier<String> decoyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.decoyHash = memoize(() -> BCrypt.hashpw(BCrypt.gensalt(), BCrypt.gensalt(cost)));
    }

    public int cost() {
        return cost;
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    public boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash);
    }

    /** Spends one verification's worth of work and always answers false. */
    public boolean matchesNothing(String password) {
        BCrypt.checkpw(password, decoyHash.get());
        return false;
    }

    private static Supplier<String> memoize(Supplier<String> compute) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = compute.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
