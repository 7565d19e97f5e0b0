package org.portcullis.db;

import org.portcullis.domain.Caller;
import org.portcullis.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The two reads of an authenticated GET: the caller of a token (its session and account) and a user's live
 * sessions. Straight from the database ({@link DatabaseReads}), or through the instance's
 * {@link CallerCache} on PostgreSQL. Whatever decides on a refresh token reads {@link CallerLookup} itself:
 * a rotation must compare against the refresh token stored this instant, never a remembered one.
 */
public interface CallerReads {
    /** The session {@code sessionId} of user {@code userId} with its account, live or not; empty if none. */
    Optional<Caller> caller(UUID sessionId, UUID userId);

    /** The user's sessions live at {@code now}, the most recently used first. */
    List<Session> liveSessions(UUID userId, Instant now);
}
