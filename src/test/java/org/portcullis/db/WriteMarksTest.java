package org.portcullis.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which writes tell the caller cache's freshness that remembered rows may have changed. */
class WriteMarksTest {
    @Test
    void writesToAccountsAndSessionsMark() {
        assertThat(WriteMarks.mayChangeRememberedRows("UPDATE users SET first_name = :f WHERE id = :id")).isTrue();
        assertThat(WriteMarks.mayChangeRememberedRows("  insert into sessions (id) values (:id)")).isTrue();
        assertThat(WriteMarks.mayChangeRememberedRows("DELETE FROM sessions WHERE expires_at < :t")).isTrue();
    }

    @Test
    void writesToTablesTheMemoryHoldsNothingOfDoNotMark() {
        assertThat(WriteMarks.mayChangeRememberedRows("INSERT INTO auth_events (id) VALUES (:id)")).isFalse();
        assertThat(WriteMarks.mayChangeRememberedRows("UPDATE mail_outbox SET due_at = :t WHERE id = :id")).isFalse();
        assertThat(WriteMarks.mayChangeRememberedRows("UPDATE client_failures SET failures = failures + 1")).isFalse();
    }

    @Test
    void aStatementOfAnotherShapeCountsAsAChange() {
        assertThat(WriteMarks.mayChangeRememberedRows("WITH ranked AS (SELECT id FROM sessions) UPDATE sessions"
                + " SET revoked_at = :t")).isTrue();
    }
}
