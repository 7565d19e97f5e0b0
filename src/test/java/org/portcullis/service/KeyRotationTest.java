package org.portcullis.service;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portcullis.db.AuditDao;
import org.portcullis.db.SchemaMigrator;
import org.portcullis.db.SigningKeyDao;
import org.portcullis.db.Transactions;
import org.portcullis.domain.Account;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.SigningKey;
import org.portcullis.support.SettableClock;
import org.portcullis.support.TestDatabase;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key schedule with a clock moved by hand, over a real {@code signing_keys} table (H2): a successor is
 * published {@code publishAhead} before it signs, instances that read the table agree on the active key
 * without talking, and a retired key is deleted only when no token it signed can still be valid.
 */
class KeyRotationTest {
    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration AHEAD = Duration.ofHours(1);
    private static final Duration RETENTION = Duration.ofDays(7).plusSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(35);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private final TestDatabase database = TestDatabase.h2();
    private final Jdbi jdbi = Jdbi.create(database.url()).installPlugin(new SqlObjectPlugin());
    private final SettableClock clock = new SettableClock(START);
    private final byte[] kek = randomKek();
    private final Account account = new Account(UUID.randomUUID(), "ada@example.org", "$2a$12$hash", "Ada", null,
            true, false, START, START, null, false);

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private static byte[] randomKek() {
        byte[] kek = new byte[KeySealing.KEY_BYTES];
        new SecureRandom().nextBytes(kek);
        return kek;
    }

    /** One instance: its ring, its rotation and its token service over the shared table. */
    private final class Instance {
        final KeyRing ring;
        final KeyRotation rotation;
        final TokenService tokens;

        Instance() {
            this(SigningAlgorithm.ES256);
        }

        Instance(SigningAlgorithm algorithm) {
            SchemaMigrator.migrate(jdbi);
            SigningKeyDao dao = jdbi.onDemand(SigningKeyDao.class);
            KeyPairs pairs = new KeyPairs(algorithm, new KeySealing(kek));
            ring = new KeyRing(dao, pairs, RETENTION, GRACE, clock);
            rotation = new KeyRotation(new Transactions(jdbi), dao, pairs, ring, ROTATION, AHEAD, RETENTION,
                    new AuditTrail(jdbi.onDemand(AuditDao.class)), clock);
            tokens = new TokenService(ring, "https://auth.example.org", Duration.ofMinutes(15), Duration.ofDays(7),
                    Duration.ofSeconds(30), 0, clock);
        }

        /** The kid of a token issued now, as this instance verifies it. */
        String kidSigningNow() {
            return tokens.verifyAccess(tokens.issue(account, UUID.randomUUID()).accessToken()).keyId();
        }
    }

    private List<SigningKey> table() {
        return jdbi.onDemand(SigningKeyDao.class).all();
    }

    @Test
    void theFirstPassMakesOneKeyThatSignsAtOnce() {
        Instance a = new Instance();
        a.rotation.maintain();
        a.rotation.maintain();

        assertThat(table()).hasSize(1);
        assertThat(table().get(0).stateAt(START)).isEqualTo(SigningKey.State.ACTIVE);
        assertThat(a.kidSigningNow()).isEqualTo(table().get(0).kid());
    }

    @Test
    void aSuccessorIsPublishedAnHourBeforeItSignsAndBothInstancesSwitchTogether() {
        Instance a = new Instance();
        Instance b = new Instance();
        a.rotation.maintain();
        b.rotation.maintain();
        String first = a.kidSigningNow();

        clock.set(START.plus(ROTATION).minus(AHEAD).minusSeconds(1));
        a.rotation.maintain();
        assertThat(table()).as("not yet due within the publish-ahead time").hasSize(1);

        clock.set(START.plus(ROTATION).minus(AHEAD));
        a.rotation.maintain();
        b.rotation.maintain();
        assertThat(table()).hasSize(2);
        SigningKey next = table().get(1);
        assertThat(next.stateAt(clock.instant())).isEqualTo(SigningKey.State.NEXT);
        assertThat(next.activatesAt()).isEqualTo(START.plus(ROTATION));
        assertThat(b.ring.published()).extracting(SigningKey::kid).containsExactly(first, next.kid());
        assertThat(a.kidSigningNow()).isEqualTo(first);
        assertThat(b.kidSigningNow()).isEqualTo(first);

        // No reload between: the switch is the row's time, read by both from what they already hold.
        clock.set(START.plus(ROTATION));
        assertThat(a.kidSigningNow()).isEqualTo(next.kid());
        assertThat(b.kidSigningNow()).isEqualTo(next.kid());
    }

    @Test
    void aRetiredKeyVerifiesItsTokensUntilTheyHaveExpiredThenLeaves() {
        Instance a = new Instance();
        a.rotation.maintain();
        clock.set(START.plus(ROTATION).minus(AHEAD));
        a.rotation.maintain();
        clock.set(START.plus(ROTATION).minusSeconds(1));
        String lastOfTheOldKey = a.tokens.issue(account, UUID.randomUUID()).refreshToken();
        String oldKid = a.ring.signingKey().kid();

        clock.set(START.plus(ROTATION).plus(Duration.ofDays(7)));
        a.rotation.maintain();
        assertThat(a.tokens.verifyRefresh(lastOfTheOldKey).keyId()).isEqualTo(oldKid);

        clock.set(START.plus(ROTATION).plus(RETENTION).plusSeconds(1));
        a.rotation.maintain();
        assertThat(table()).extracting(SigningKey::kid).doesNotContain(oldKid).hasSize(1);
        assertThat(a.ring.verificationKey(oldKid)).isNull();
    }

    @Test
    void aSecondInstanceFindsTheSuccessorAndAddsNone() {
        Instance a = new Instance();
        Instance b = new Instance();
        a.rotation.maintain();
        clock.set(START.plus(ROTATION).minus(AHEAD));
        a.rotation.maintain();
        b.rotation.maintain();
        assertThat(table()).hasSize(2);
        assertThat(table()).extracting(SigningKey::generation).containsExactly(1L, 2L);
    }

    @Test
    void withdrawingTheCurrentKeyRefusesItsTokensAndDropsAPendingSuccessor() {
        Instance a = new Instance();
        a.rotation.maintain();
        clock.set(START.plus(ROTATION).minus(AHEAD));
        a.rotation.maintain();
        String token = a.tokens.issue(account, UUID.randomUUID()).accessToken();
        String compromised = a.ring.signingKey().kid();

        KeyRotation.Rotated rotated = a.rotation.rotateNow(true);

        assertThat(rotated.previousKid()).contains(compromised);
        assertThat(table()).extracting(SigningKey::kid).containsExactly(rotated.newKid());
        assertThat(a.kidSigningNow()).isEqualTo(rotated.newKid());
        assertThatThrownBy(() -> a.tokens.verifyAccess(token)).isInstanceOf(DomainException.class);
    }

    @Test
    void instancesOfTwoAlgorithmsOnOneTableDoNotRetireEachOthersKeysUntilTheyAreDue() {
        Instance es = new Instance(SigningAlgorithm.ES256);
        Instance rs = new Instance(SigningAlgorithm.RS256);
        for (int pass = 0; pass < 3; pass++) {
            es.rotation.maintain();
            rs.rotation.maintain();
        }
        assertThat(table()).extracting(SigningKey::algorithm)
                .containsExactly(SigningAlgorithm.ES256, SigningAlgorithm.RS256);

        clock.set(START.plus(ROTATION));
        rs.rotation.maintain();
        assertThat(table().get(0).retiresAt()).as("the ES256 key, due, retired by the RS256 instance")
                .isEqualTo(START.plus(ROTATION));
    }

    /** Tokens as someone holding {@code key}'s private half would sign them, with the times they choose. */
    private TokenService forgerWith(SigningKey key) {
        PrivateKey stolen = new KeyPairs(SigningAlgorithm.ES256, new KeySealing(kek)).privateKey(key);
        TokenKeys keys = new TokenKeys() {
            @Override
            public SigningAlgorithm algorithm() {
                return SigningAlgorithm.ES256;
            }

            @Override
            public ActiveKey signingKey() {
                return new ActiveKey(key.kid(), stolen);
            }

            @Override
            public java.security.Key verificationKey(String kid) {
                return null;
            }
        };
        return new TokenService(keys, "https://auth.example.org", Duration.ofMinutes(15), Duration.ofDays(7),
                Duration.ofSeconds(30), 0, clock);
    }

    @Test
    void aRetiredKeySignsNothingDatedAfterItsRetirementNorLongerThanATokenLives() {
        Instance a = new Instance();
        a.rotation.maintain();
        SigningKey old = table().get(0);
        clock.set(START.plus(Duration.ofDays(1)));
        a.rotation.rotateNow(false);
        Instant retired = clock.instant();
        TokenService forger = forgerWith(old);
        UUID user = UUID.randomUUID();

        String before = forger.sign(user, UUID.randomUUID(), UUID.randomUUID(), org.portcullis.domain.TokenType.ACCESS,
                retired.minusSeconds(60), retired.plus(Duration.ofMinutes(14)));
        String after = forger.sign(user, UUID.randomUUID(), UUID.randomUUID(), org.portcullis.domain.TokenType.ACCESS,
                retired.plus(GRACE).plusSeconds(1), retired.plus(Duration.ofMinutes(15)));
        String tooLong = forger.sign(user, UUID.randomUUID(), UUID.randomUUID(), org.portcullis.domain.TokenType.ACCESS,
                retired.minusSeconds(60), retired.plus(Duration.ofDays(1)));

        assertThat(a.tokens.verifyAccess(before).keyId()).isEqualTo(old.kid());
        assertThatThrownBy(() -> a.tokens.verifyAccess(after)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> a.tokens.verifyAccess(tooLong)).isInstanceOf(DomainException.class);
    }

    @Test
    void anInstanceWithoutAnActiveKeyLeavesAKeyThatStartsSoonAlone() {
        Instance a = new Instance();
        a.rotation.rotateNow(false);
        String startsAtA = table().get(0).kid();
        // B's clock is two seconds behind A's: A's new key has not started yet by B's reckoning.
        clock.set(clock.instant().minusSeconds(2));
        Instance b = new Instance();
        b.rotation.maintain();

        assertThat(table()).extracting(SigningKey::kid).containsExactly(startsAtA);
    }

    @Test
    void aKeyEncryptionKeyThatDidNotSealTheKeysStopsTheInstance() {
        new Instance().rotation.maintain();
        KeyPairs otherKek = new KeyPairs(SigningAlgorithm.ES256, new KeySealing(randomKek()));
        KeyRing ring = new KeyRing(jdbi.onDemand(SigningKeyDao.class), otherKek, RETENTION, GRACE, clock);

        assertThatThrownBy(ring::reload).isInstanceOf(KeySealing.KeyNotOpened.class)
                .hasMessageContaining("JWT_KEY_ENCRYPTION_KEY");
    }

    @Test
    void aSealedKeyOpensOnlyUnderItsOwnKid() {
        KeySealing sealing = new KeySealing(kek);
        byte[] sealed = sealing.seal("kid-1", new byte[]{1, 2, 3});

        assertThat(sealing.open("kid-1", sealed)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> sealing.open("kid-2", sealed)).isInstanceOf(KeySealing.KeyNotOpened.class);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\u0001\u0002\u0003");
    }
}
