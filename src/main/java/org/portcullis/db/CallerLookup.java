package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;
import org.portcullis.domain.Caller;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller of a token, user and session in one round trip: one indexed primary-key join. This runs on
 * every authenticated request, so it is a plain JDBI query on a handle rather than a method of the
 * on-demand {@link SessionDao}: an on-demand SqlObject attaches a fresh extension to a fresh handle on each
 * call, and that machinery cost several times the query itself (about a third of the CPU of a GET
 * users/me, measured with JFR under load).
 */
public final class CallerLookup {
    static final String SQL = "SELECT u.id AS u_id, u.email AS u_email, u.password_hash AS u_password_hash,"
            + " u.first_name AS u_first_name, u.last_name AS u_last_name, u.is_active AS u_is_active,"
            + " u.is_superuser AS u_is_superuser, u.created_at AS u_created_at, u.updated_at AS u_updated_at,"
            + " u.locked_until AS u_locked_until, u.email_verified AS u_email_verified,"
            + " s.id AS s_id, s.user_id AS s_user_id, s.refresh_jti AS s_refresh_jti,"
            + " s.device_name AS s_device_name, s.user_agent AS s_user_agent, s.ip_address AS s_ip_address,"
            + " s.created_at AS s_created_at, s.last_used_at AS s_last_used_at, s.expires_at AS s_expires_at,"
            + " s.revoked_at AS s_revoked_at"
            + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = :sessionId AND s.user_id = :userId";

    private final Jdbi jdbi;
    private final CallerMapper mapper = new CallerMapper();

    public CallerLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The session {@code sessionId} of user {@code userId} with its account, live or not; empty if none. */
    public Optional<Caller> find(UUID sessionId, UUID userId) {
        return jdbi.withHandle(handle -> handle.createQuery(SQL)
                .bind("sessionId", sessionId)
                .bind("userId", userId)
                .map(mapper)
                .findOne());
    }
}
