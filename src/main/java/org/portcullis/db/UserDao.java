package org.portcullis.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.portcullis.domain.Account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code users} table. Emails arrive normalised (trimmed, lower-cased). */
@RegisterRowMapper(AccountMapper.class)
public interface UserDao {
    /** Fails with a unique violation (SQLState 23505) when the email is taken. */
    @SqlUpdate("INSERT INTO users (id, email, password_hash, first_name, last_name, is_active, is_superuser,"
            + " created_at, updated_at) VALUES (:id, :email, :passwordHash, :firstName, :lastName, :isActive,"
            + " :isSuperuser, :createdAt, :updatedAt)")
    void insert(@BindMethods Account account);

    @SqlQuery("SELECT * FROM users WHERE email = :email")
    Optional<Account> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT * FROM users WHERE id = :id")
    Optional<Account> findById(@Bind("id") UUID id);

    /** A null name keeps the stored one. */
    @SqlUpdate("UPDATE users SET first_name = COALESCE(:firstName, first_name),"
            + " last_name = COALESCE(:lastName, last_name), updated_at = :now WHERE id = :id")
    int updateNames(@Bind("id") @ChangedUser UUID id, @Bind("firstName") String firstName, @Bind("lastName") String lastName,
                    @Bind("now") Instant now);

    /**
     * Replaces the password hash only if it is still the one the caller checked: of two concurrent
     * changes exactly one succeeds (1); the other finds the hash changed under it (0).
     */
    @SqlUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id AND password_hash = :checked")
    int replacePasswordHash(@Bind("id") @ChangedUser UUID id, @Bind("checked") String checkedHash, @Bind("hash") String hash,
                            @Bind("now") Instant now);

    /** Sets the password whatever it was: a reset, where the mailed token stands in for the old password. */
    @SqlUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
    int setPasswordHash(@Bind("id") UUID id, @Bind("hash") String hash, @Bind("now") Instant now);

    /** The owner followed a verification link: 1 if it changed the account, 0 if already verified. */
    @SqlUpdate("UPDATE users SET email_verified = TRUE, updated_at = :now WHERE id = :id AND email_verified = FALSE")
    int markEmailVerified(@Bind("id") UUID id, @Bind("now") Instant now);

    /**
     * The account's current hash and state, with its row locked until the transaction ends. A login opens
     * its session under this lock, so it cannot interleave with a password change (whose UPDATE takes the
     * same lock): either the change waits and then revokes the new session, or the login waits and then
     * sees the new hash.
     */
    @SqlQuery("SELECT password_hash AS passwordHash, is_active AS active FROM users WHERE id = :id FOR UPDATE")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> credentialsForUpdate(@Bind("id") UUID id);

    /** What a login must still find true when it opens its session. */
    record Credentials(String passwordHash, boolean active) {
    }
}
