package org.portcullis.service;

import org.portcullis.db.DeviceTokenDao;
import org.portcullis.db.Transactions;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Device tokens (OWASP's "device cookies"): what lets the owner of an account log in from a device it has
 * logged in from before while unknown clients have locked the account or exhausted the address. Every
 * successful login is given a fresh token; presenting it spends it, so a copied token works once, and the
 * owner's next login shows the copy was used (its own token no longer counts).
 *
 * <p>A token is 256 random bits, stored only as its SHA-256, not a signed value. Rotation on use and a lock of
 * its own need a row per token anyway; with the row, a signature would add only a key to share between
 * instances and rotate (the JWT key may be one process's), while the hash means a copy of the table
 * exempts no one from anything. 256 random bits need no slow hash: there is nothing to guess.
 */
public final class KnownDevices {
    private static final int TOKEN_BYTES = 32;

    private final DeviceTokenDao tokens;
    private final Duration lifetime;
    private final int perUser;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param lifetime how long a token stays known after the login that issued it
     * @param perUser  the newest tokens an account keeps; older ones are forgotten
     */
    public KnownDevices(DeviceTokenDao tokens, Duration lifetime, int perUser) {
        this.tokens = tokens;
        this.lifetime = lifetime;
        this.perUser = perUser;
    }

    /**
     * The stored form of {@code tokenOrNull} if it is a live device token of the account; empty for no token,
     * an unknown, spent or expired one, another account's, or no account ({@code accountIdOrNull} null): the
     * client is then an unknown client. A token is looked up whether or not the email has an account, so the
     * work done does not tell which emails have one.
     */
    Optional<String> recognise(String tokenOrNull, UUID accountIdOrNull) {
        if (tokenOrNull == null) {
            return Optional.empty();
        }
        String hash = hash(tokenOrNull);
        return tokens.ownerOf(hash).filter(owner -> owner.equals(accountIdOrNull)).map(owner -> hash);
    }

    /** A fresh token for a login that succeeded; it counts once {@link #rotate} has recorded it. */
    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * In the transaction that opens the login's session: spends the token the login presented (if it was
     * recognised), records the new one, and forgets the account's expired tokens and those beyond the cap.
     */
    void rotate(Transactions.Transaction transaction, UUID accountId, String spentHashOrNull, String newToken) {
        DeviceTokenDao dao = transaction.deviceTokens();
        if (spentHashOrNull != null) {
            dao.spend(spentHashOrNull, accountId);
        }
        dao.insert(hash(newToken), accountId, lifetime.toMillis());
        dao.keepNewest(accountId, perUser);
    }

    /** SHA-256 of the token, lower-case hex: the stored form. */
    static String hash(String token) {
        return Sha256.hex(token);
    }
}
