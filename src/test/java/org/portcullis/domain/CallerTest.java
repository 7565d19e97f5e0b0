package org.portcullis.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    private static final String HASH = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    @Test
    void neitherTheAccountNorTheCallerPrintsThePasswordHash() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        Account account = new Account(UUID.randomUUID(), "ada@example.org", HASH, "Ada", "Lovelace", true, false,
                now, now, null, false);
        Session session = new Session(UUID.randomUUID(), account.id(), UUID.randomUUID(), "laptop", "curl/8",
                "192.0.2.1", now, now, now.plusSeconds(3600), null);
        Caller caller = new Caller(account, session);

        for (String printed : new String[] {account.toString(), caller.toString(), String.valueOf(caller)}) {
            assertThat(printed).doesNotContain(HASH).doesNotContain("$2a$").doesNotContainIgnoringCase("passwordHash")
                    .contains(account.id().toString());
        }
        assertThat(caller.toString()).contains(session.id().toString());
    }

    @Test
    void issuedTokensPrintNeitherTokenNorTheHash() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        Account account = new Account(UUID.randomUUID(), "ada@example.org", HASH, "Ada", "Lovelace", true, false,
                now, now, null, false);
        String access = "eyJhbGciOiJIUzI1NiJ9.access.signature";
        String refresh = "eyJhbGciOiJIUzI1NiJ9.refresh.signature";
        IssuedTokens issued = new IssuedTokens(account, access, refresh, UUID.randomUUID(), 900, now.plusSeconds(3600));

        assertThat(issued.toString()).doesNotContain(access).doesNotContain(refresh).doesNotContain("eyJ")
                .doesNotContain(HASH).contains(account.id().toString(), issued.refreshJti().toString());
    }
}
