package org.portcullis.service;

import org.portcullis.db.SigningKeyDao;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.SigningKey;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's view of the shared {@code signing_keys} table: which key signs now, and which public keys
 * verify. The view is an immutable snapshot swapped as a whole by {@link #reload()}, which
 * {@link KeyRotation} calls on its schedule (every few seconds) and after each change; the hot path
 * reads it without a query or a lock.
 *
 * <p>Instances agree on the active key without talking to each other: a key's state is a function of its
 * row and the time ({@link SigningKey#stateAt}), and a successor is written {@code publishAhead} (an hour)
 * before it signs, long before any instance's next reload. A token with a kid this instance has not seen
 * (another instance rotated on demand a moment ago) triggers one reload, at most once a second, so a
 * stream of made-up kids costs at most one small query a second.
 */
public final class KeyRing implements TokenKeys {
    private static final long UNKNOWN_KID_RELOAD_NANOS = Duration.ofSeconds(1).toNanos();

    private final SigningKeyDao keys;
    private final KeyPairs pairs;
    private final Duration retention;
    private final Duration grace;
    private final Clock clock;
    private final AtomicLong lastUnknownKidReload = new AtomicLong(System.nanoTime() - UNKNOWN_KID_RELOAD_NANOS);
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of(), Map.of(), List.of());

    /**
     * @param retention how long a key stays published after it stopped signing: the longest token lifetime plus leeway
     * @param grace     how far a token's {@code iat} may lie outside its key's signing period: clocks differ by the
     *                  leeway, and an instance may sign with a key for one read interval after another retired it
     */
    public KeyRing(SigningKeyDao keys, KeyPairs pairs, Duration retention, Duration grace, Clock clock) {
        this.keys = keys;
        this.pairs = pairs;
        this.retention = retention;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public boolean signedDuringItsPeriod(String kid, Instant issuedAt) {
        SigningKey key = snapshot.byKid.get(kid);
        if (key == null) {
            return false;
        }
        boolean afterStart = !issuedAt.isBefore(key.activatesAt().minus(grace));
        boolean beforeEnd = key.retiresAt() == null || !issuedAt.isAfter(key.retiresAt().plus(grace));
        return afterStart && beforeEnd;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return pairs.algorithm();
    }

    /** Reads the table again and swaps in the new view. Private keys already opened are not opened again. */
    public synchronized void reload() {
        Instant now = clock.instant();
        Snapshot old = snapshot;
        List<SigningKey> published = keys.all().stream()
                .filter(k -> k.algorithm() == pairs.algorithm() && k.isPublishedAt(now, retention))
                .toList();
        Map<String, PublicKey> publicKeys = new HashMap<>();
        Map<String, PrivateKey> privateKeys = new HashMap<>();
        Map<String, SigningKey> byKid = new HashMap<>();
        List<Map<String, ?>> jwks = new ArrayList<>();
        for (SigningKey key : published) {
            byKid.put(key.kid(), key);
            // a handful of small JSON objects a read; requests then serve the list as it is
            jwks.add(KeyPairs.publicMembers(key));
            PublicKey known = old.publicKeys.get(key.kid());
            publicKeys.put(key.kid(), known != null ? known : KeyPairs.publicKey(key));
            if (key.stateAt(now) != SigningKey.State.RETIRED) {
                PrivateKey opened = old.privateKeys.get(key.kid());
                privateKeys.put(key.kid(), opened != null ? opened : pairs.privateKey(key));
            }
        }
        snapshot = new Snapshot(published, Map.copyOf(publicKeys), Map.copyOf(privateKeys), Map.copyOf(byKid),
                List.copyOf(jwks));
    }

    @Override
    public ActiveKey signingKey() {
        Instant now = clock.instant();
        Optional<ActiveKey> active = snapshot.activeAt(now);
        if (active.isEmpty()) {
            reload();
            active = snapshot.activeAt(now);
        }
        return active.orElseThrow(() -> new IllegalStateException("no signing key is active"));
    }

    @Override
    public Key verificationKey(String kid) {
        if (kid == null) {
            return null;
        }
        PublicKey key = snapshot.publicKeys.get(kid);
        if (key == null && mayReloadForUnknownKid()) {
            reload();
            key = snapshot.publicKeys.get(kid);
        }
        return key;
    }

    private boolean mayReloadForUnknownKid() {
        long last = lastUnknownKidReload.get();
        long now = System.nanoTime();
        return now - last >= UNKNOWN_KID_RELOAD_NANOS && lastUnknownKidReload.compareAndSet(last, now);
    }

    /** The keys published now (next, active, retired), oldest first: what the JWKS lists. */
    public List<SigningKey> published() {
        return snapshot.published;
    }

    /** The public JWKs of {@link #published()}, in the same order: the members of the JWK Set. */
    public List<Map<String, ?>> publishedJwks() {
        return snapshot.jwks;
    }

    /** The key signing now, if this instance knows one. */
    public Optional<SigningKey> active() {
        return snapshot.activeRow(clock.instant());
    }

    private record Snapshot(List<SigningKey> published, Map<String, PublicKey> publicKeys,
                            Map<String, PrivateKey> privateKeys, Map<String, SigningKey> byKid,
                            List<Map<String, ?>> jwks) {
        /** The newest key whose signing period holds {@code now}. */
        Optional<SigningKey> activeRow(Instant now) {
            return published.stream()
                    .filter(k -> k.stateAt(now) == SigningKey.State.ACTIVE)
                    .max(Comparator.comparingLong(SigningKey::generation));
        }

        Optional<ActiveKey> activeAt(Instant now) {
            return activeRow(now).map(k -> new ActiveKey(k.kid(), privateKeys.get(k.kid())));
        }
    }
}
