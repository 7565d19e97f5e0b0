package org.portcullis.service;

import org.portcullis.db.CallerReads;
import org.portcullis.db.SessionDao;
import org.portcullis.domain.Caller;
import org.portcullis.domain.DomainException;
import org.portcullis.domain.Session;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A user's device sessions: listing and the three ways to end them. */
public final class SessionService {
    private final SessionDao sessions;
    private final CallerReads reads;
    private final Clock clock;

    public SessionService(SessionDao sessions, CallerReads reads, Clock clock) {
        this.sessions = sessions;
        this.reads = reads;
        this.clock = clock;
    }

    /** Live sessions of the caller's account, the most recently used first. */
    public List<Session> listFor(Caller caller) {
        return reads.liveSessions(caller.account().id(), clock.instant());
    }

    /** Ends one of the caller's sessions; someone else's session is reported as not found. */
    public void revoke(Caller caller, UUID sessionId) {
        if (sessions.revokeOwned(sessionId, caller.account().id(), clock.instant()) == 0) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "Session not found");
        }
    }

    /** Ends the session of the caller's own access token. */
    public void logout(Caller caller) {
        sessions.revoke(caller.session().id(), caller.account().id(), clock.instant());
    }

    /** Ends every session of the caller's account, this one included. */
    public void logoutEverywhere(Caller caller) {
        sessions.revokeAllFor(caller.account().id(), clock.instant());
    }
}
