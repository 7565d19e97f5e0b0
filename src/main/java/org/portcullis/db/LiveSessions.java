package org.portcullis.db;

import org.jdbi.v3.core.Jdbi;
import org.portcullis.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The live sessions of one user, the most recently used first: the one query of GET sessions/me. A plain
 * JDBI query on a handle, for the reason {@link CallerLookup} gives: an on-demand SqlObject builds its
 * extension afresh on every call, and on this read that machinery cost about as much as the query itself.
 */
public final class LiveSessions {
    static final String SQL = "SELECT * FROM sessions WHERE user_id = :userId AND revoked_at IS NULL"
            + " AND expires_at > :now ORDER BY last_used_at DESC, created_at DESC";

    private final Jdbi jdbi;
    private final SessionMapper mapper = new SessionMapper();

    public LiveSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Session> of(UUID userId, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery(SQL)
                .bind("userId", userId)
                .bind("now", now)
                .map(mapper)
                .list());
    }
}
