package org.portcullis.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.portcullis.domain.SigningAlgorithm;
import org.portcullis.domain.SigningKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The {@code signing_keys} table, shared by every instance. The private key is stored as the base64 of its
 * sealed bytes (text on both databases); only {@code service.KeySealing} can open it.
 */
@RegisterRowMapper(SigningKeyDao.Mapper.class)
public interface SigningKeyDao {
    /** Every key, oldest generation first. A handful of rows: a key lives a rotation plus a token lifetime. */
    @SqlQuery("SELECT * FROM signing_keys ORDER BY generation")
    List<SigningKey> all();

    @SqlQuery("SELECT COALESCE(MAX(generation), 0) FROM signing_keys")
    long newestGeneration();

    /** @throws org.jdbi.v3.core.statement.UnableToExecuteStatementException on a taken generation (another instance rotated first) */
    default void insert(SigningKey key) {
        insert(key.kid(), key.generation(), key.algorithm().name(), key.publicJwk(),
                Base64.getEncoder().encodeToString(key.sealedPrivateKey()), key.createdAt(), key.activatesAt(),
                key.retiresAt());
    }

    @SqlUpdate("INSERT INTO signing_keys (kid, generation, algorithm, public_jwk, sealed_private_key, created_at,"
            + " activates_at, retires_at) VALUES (:kid, :generation, :algorithm, :publicJwk, :sealed, :createdAt,"
            + " :activatesAt, :retiresAt)")
    void insert(@Bind("kid") String kid, @Bind("generation") long generation, @Bind("algorithm") String algorithm,
                @Bind("publicJwk") String publicJwk, @Bind("sealed") String sealed,
                @Bind("createdAt") Instant createdAt, @Bind("activatesAt") Instant activatesAt,
                @Bind("retiresAt") Instant retiresAt);

    /** Ends a key's signing at {@code at}, unless it already ends earlier. */
    @SqlUpdate("UPDATE signing_keys SET retires_at = :at WHERE kid = :kid AND (retires_at IS NULL OR retires_at > :at)")
    int retire(@Bind("kid") String kid, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM signing_keys WHERE kid = :kid")
    int delete(@Bind("kid") String kid);

    /** Keys that have not signed yet and would start after {@code now}: a rotation now supersedes them. */
    @SqlUpdate("DELETE FROM signing_keys WHERE activates_at > :now")
    int deletePending(@Bind("now") Instant now);

    /** Keys that stopped signing before {@code cutoff}: no token they signed can still be valid. */
    @SqlUpdate("DELETE FROM signing_keys WHERE retires_at IS NOT NULL AND retires_at < :cutoff")
    int deleteRetiredBefore(@Bind("cutoff") Instant cutoff);

    final class Mapper implements RowMapper<SigningKey> {
        @Override
        public SigningKey map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SigningKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")),
                    rs.getLong("generation"), rs.getString("public_jwk"),
                    Base64.getDecoder().decode(rs.getString("sealed_private_key")),
                    Timestamps.read(rs, "created_at"), Timestamps.read(rs, "activates_at"),
                    Timestamps.read(rs, "retires_at"));
        }
    }
}
