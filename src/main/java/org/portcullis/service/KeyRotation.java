package org.portcullis.service;

import org.portcullis.db.SigningKeyDao;
import org.portcullis.db.Transactions;
import org.portcullis.db.UniqueViolation;
import org.portcullis.domain.AuthEvent;
import org.portcullis.domain.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the shared signing keys moving: every instance runs {@link #maintain()} on a short schedule, and
 * the database settles who does the work (a generation can be inserted once; the loser of a race finds the
 * winner's key on its next look). Each pass:
 * <ol>
 *   <li>no active key (an empty table): one is made that signs at once, nothing having been signed yet;</li>
 *   <li>the active key is due ({@code rotation} after it started) within {@code publishAhead} and has no
 *       successor: the successor is written, to sign {@code publishAhead} from now, and the active key's
 *       retirement is set to that same instant, so resource servers see the new kid in the JWKS long
 *       before any token carries it;</li>
 *   <li>keys retired longer than {@code retention} ago are deleted: every token they signed has expired.</li>
 * </ol>
 * {@link #rotateNow} is the operator's lever: a new key signs at once; the old one retires (its tokens still
 * verify) or, for a compromised key, is withdrawn (deleted: its tokens die).
 */
public final class KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    private final Transactions transactions;
    private final SigningKeyDao keys;
    private final KeyPairs pairs;
    private final KeyRing ring;
    private final Duration rotation;
    private final Duration publishAhead;
    private final Duration retention;
    private final AuditTrail audit;
    private final Clock clock;

    public KeyRotation(Transactions transactions, SigningKeyDao keys, KeyPairs pairs, KeyRing ring,
                       Duration rotation, Duration publishAhead, Duration retention, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.pairs = pairs;
        this.ring = ring;
        this.rotation = rotation;
        this.publishAhead = publishAhead;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
    }

    /** One scheduled pass (see the class comment), then this instance's view is read again. */
    public void maintain() {
        // First prove this instance opens every stored key: one with another key-encryption key must fail
        // here, before it adds a key the rest of the cluster cannot open.
        ring.reload();
        Instant now = clock.instant();
        boolean changed;
        try {
            changed = transactions.inTransaction(tx -> advance(tx, now));
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCausedBy(e)) {
                throw e;
            }
            LOG.debug("another instance rotated the signing keys first");
            changed = true;
        }
        int deleted = keys.deleteRetiredBefore(now.minus(retention));
        if (deleted > 0) {
            LOG.info("deleted {} retired signing key(s): every token they signed has expired", deleted);
        }
        if (changed || deleted > 0) {
            ring.reload();
        }
    }

    /** @return true if the pass wrote to the table */
    private boolean advance(Transactions.Transaction tx, Instant now) {
        SigningKeyDao dao = tx.signingKeys();
        List<SigningKey> all = dao.all();
        // Keys of an algorithm no longer configured sign nothing here; they retire when their rotation is
        // due, as their own instances would retire them, so that instances still configured for the other
        // algorithm (a deployment half-way through a change of tokens.algorithm) are not sent rotating.
        all.stream().filter(k -> k.algorithm() != pairs.algorithm() && k.retiresAt() == null
                        && !now.isBefore(k.activatesAt().plus(rotation)))
                .forEach(k -> dao.retire(k.kid(), now));
        Optional<SigningKey> active = activeAmong(all, now);
        long newest = all.stream().mapToLong(SigningKey::generation).max().orElse(0);
        if (active.isEmpty()) {
            if (all.stream().anyMatch(k -> k.algorithm() == pairs.algorithm() && k.stateAt(now) == SigningKey.State.NEXT)) {
                // Another instance made a key that starts later by this clock (clocks differ by a little):
                // it is about to sign; deleting it would kill the tokens it already signed over there.
                return false;
            }
            SigningKey first = pairs.generate(newest + 1, now, now);
            dao.insert(first);
            audit.record(tx, rotated(now, first.kid() + " created, signing at once", null));
            LOG.info("signing key {} ({}) created, signing from now", first.kid(), first.algorithm());
            return true;
        }
        SigningKey current = active.get();
        boolean hasSuccessor = current.generation() != newest;
        Instant due = current.activatesAt().plus(rotation);
        if (hasSuccessor || now.isBefore(due.minus(publishAhead))) {
            return false;
        }
        Instant starts = later(due, now.plus(publishAhead));
        SigningKey next = pairs.generate(newest + 1, now, starts);
        dao.insert(next);
        dao.retire(current.kid(), starts);
        audit.record(tx, rotated(now, next.kid() + " published, replaces " + current.kid() + " at " + starts, null));
        LOG.info("signing key {} published; it replaces {} at {}", next.kid(), current.kid(), starts);
        return true;
    }

    /**
     * A new key signs from now on. The current key retires (stays published, its tokens keep working) or,
     * with {@code withdrawCurrent}, is deleted at once so that every token it signed is refused: the
     * compromised-key case. Keys published but not yet signing are dropped; the new key supersedes them.
     */
    public Rotated rotateNow(boolean withdrawCurrent) {
        Instant now = clock.instant();
        Rotated rotated = transactions.inTransaction(tx -> {
            SigningKeyDao dao = tx.signingKeys();
            // Read before anything is deleted: a concurrent pass that saw the same newest key must collide
            // with this one on the unique generation, not slip in beside it.
            long generation = dao.newestGeneration() + 1;
            dao.deletePending(now);
            Optional<SigningKey> current = activeAmong(dao.all(), now);
            current.ifPresent(k -> {
                if (withdrawCurrent) {
                    dao.delete(k.kid());
                } else {
                    dao.retire(k.kid(), now);
                }
            });
            SigningKey fresh = pairs.generate(generation, now, now);
            dao.insert(fresh);
            audit.record(tx, rotated(now, fresh.kid() + " signs now; " + current.map(SigningKey::kid).orElse("no key")
                    + (withdrawCurrent ? " withdrawn" : " retired") + " by an operator", "admin"));
            return new Rotated(fresh.kid(), current.map(SigningKey::kid), withdrawCurrent);
        });
        LOG.warn("signing key rotated on demand: {} signs now; {} {}", rotated.newKid(),
                rotated.previousKid().orElse("no key"), withdrawCurrent ? "withdrawn" : "retired");
        ring.reload();
        return rotated;
    }

    /** The newest key of this algorithm that signs at {@code now} ({@code all} is oldest generation first). */
    private Optional<SigningKey> activeAmong(List<SigningKey> all, Instant now) {
        return all.stream().filter(k -> k.algorithm() == pairs.algorithm()
                && k.stateAt(now) == SigningKey.State.ACTIVE).reduce((a, b) -> b);
    }

    /** @param address "admin" for the operator's task; null for the schedule, which no client asked for */
    private static AuthEvent rotated(Instant now, String detail, String address) {
        return AuthEvent.of(now, AuthEvent.Type.SIGNING_KEY_ROTATED, null, null, null, detail, address, null);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** What an on-demand rotation did. */
    public record Rotated(String newKid, Optional<String> previousKid, boolean withdrawn) {
    }
}
