package org.portcullis.db;

import java.sql.SQLException;

/** Recognises a unique-constraint violation, whichever layer wrapped it. */
public final class UniqueViolation {
    /** SQLState for unique_violation, used by both PostgreSQL and H2. */
    static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean isCausedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
