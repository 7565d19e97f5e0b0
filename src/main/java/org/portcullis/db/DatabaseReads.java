package org.portcullis.db;

import org.portcullis.domain.Caller;
import org.portcullis.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link CallerReads} that ask the database every time: H2's, and PostgreSQL's with the cache off. */
public record DatabaseReads(CallerLookup callers, LiveSessions live) implements CallerReads {
    @Override
    public Optional<Caller> caller(UUID sessionId, UUID userId) {
        return callers.find(sessionId, userId);
    }

    @Override
    public List<Session> liveSessions(UUID userId, Instant now) {
        return live.of(userId, now);
    }
}
