package org.portcullis.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.portcullis.service.Purge;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/purge-expired}: runs the scheduled purge now and says how many rows of each kind went. */
public final class PurgeExpiredTask extends Task {
    private final Purge purge;

    public PurgeExpiredTask(Purge purge) {
        super("purge-expired");
        this.purge = purge;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        Purge.Removed removed = purge.purgeExpired();
        output.println("Purged " + removed.sessions() + " expired or revoked sessions, "
                + removed.throttleRows() + " expired throttle rows, " + removed.mails() + " sent or failed mails, "
                + removed.accountTokens() + " expired mail tokens and " + removed.auditEvents()
                + " audit events past their retention.");
    }
}
