package org.portcullis.service;

import org.mindrot.jbcrypt.BCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BinaryOperator;

/**
 * bcrypt at the configured cost. Each cost step doubles the work; at the default 12 a hash or a check
 * takes a few hundred milliseconds of one core, which is the point and also the service's main
 * capacity limit (logins per second per core is about 1 / that time). Not final only so that tests can
 * watch which checks reach bcrypt.
 */
public class PasswordHasher {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);

    private final int cost;
    /** BCrypt.hashpw(password, salt): every hash made here, replaceable by a test that counts them. */
    private final BinaryOperator<String> hashpw;
    /**
     * A hash of a random password at the same cost, verified against when an email is unknown, so that
     * "no such account" costs the same time as "wrong password" and the two cannot be told apart. Made in
     * the constructor, at start: made lazily, the first unknown email cost a hash and a check, a tell, and
     * every login racing it waited on the lock around it.
     */
    private final String decoyHash;
    /** How long the decoy took to make, in ns: the first estimate of a hash's time on this machine. */
    private final long decoyHashNanos;

    public PasswordHasher(int cost) {
        this(cost, BCrypt::hashpw);
    }

    PasswordHasher(int cost, BinaryOperator<String> hashpw) {
        this.cost = cost;
        this.hashpw = hashpw;
        long start = System.nanoTime();
        this.decoyHash = hash(BCrypt.gensalt());
        this.decoyHashNanos = System.nanoTime() - start;
    }

    public int cost() {
        return cost;
    }

    /**
     * The time, in ns, of the one hash made at start (the decoy), on one thread with a cold JIT: an upper
     * estimate of a hash's time at this cost here, for capacity figures before any login was served.
     */
    public long startupHashNanos() {
        return decoyHashNanos;
    }

    public String hash(String password) {
        return hashpw.apply(password, BCrypt.gensalt(cost));
    }

    /**
     * Whether {@code password} is the one {@code storedHash} was made from. A stored hash jBCrypt cannot
     * read (corrupt, or of another scheme) matches nothing, at the cost of a real check, and is logged
     * without its value: it is a fault in our data, not the client's, and must not end the login in a 500.
     */
    public boolean matches(String password, String storedHash) {
        try {
            return BCrypt.checkpw(password, withJbcryptPrefix(storedHash));
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            LOG.warn("A stored password hash is not a bcrypt hash ({}); treated as not matching",
                    malformed.getClass().getSimpleName());
            return matchesNothing(password);
        }
    }

    /** Spends one verification's worth of work and always answers false. */
    public boolean matchesNothing(String password) {
        BCrypt.checkpw(password, decoyHash);
        return false;
    }

    /**
     * {@code $2b$} (OpenBSD, pyca, Node) and {@code $2y$} (PHP) name the same algorithm as {@code $2a$} for
     * passwords under 256 bytes (ours are at most 72), but jBCrypt 0.4 knows only {@code $2a$}: imported
     * users' hashes get its prefix, and the rest of the hash is checked as it is.
     */
    static String withJbcryptPrefix(String storedHash) {
        if (storedHash == null) {
            throw new IllegalArgumentException("no stored hash");
        }
        if (storedHash.startsWith("$2b$") || storedHash.startsWith("$2y$")) {
            return "$2a$" + storedHash.substring(4);
        }
        return storedHash;
    }
}
