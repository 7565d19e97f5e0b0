package org.portcullis.guard;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.GatedBcryptApplication;
import org.portcullis.support.PasswordCheckHold;
import org.portcullis.support.TestApps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bcrypt bulkhead's door, on a bulkhead of one thread and no queue: one login held inside bcrypt (by the
 * {@link PasswordCheckHold} seam, not by timing) fills it. Requests to the bcrypt endpoints are then refused
 * with 503 + Retry-After before anything is spent on them: a login whose body was never sent is answered, so
 * its body was not read; a malformed body is not parsed (it would be 400); a locked account's login does not
 * reach the throttle (it would be 429); a password change does not reach authentication (it would be 401).
 * Once the held login finishes, the same requests get their usual answers again.
 */
class BcryptDoorTest {
    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = TestApps.functional(
            GatedBcryptApplication.class, DB::url, Map.of(
                    "passwords.bulkhead.threads", "1",
                    "passwords.bulkhead.queueSize", "0",
                    "passwords.bulkhead.maxWait", "3s",
                    // one wrong password locks an account: the throttle's answer (429) is then easy to tell
                    "lockout.maxFailures", "1"));

    private static final String LOGIN = "/api/v1/auth/login";
    /** A socket read that waits this long for an answer has been kept waiting for the body it was never sent. */
    private static final int ANSWER_DEADLINE_MS = 10_000;

    @AfterEach
    void releaseTheHold() {
        PasswordCheckHold.release();
    }

    @Test
    void whileTheBulkheadIsFullBcryptRequestsAre503BeforeTheirBodyIsReadOrTheThrottleAsked() throws Exception {
        Api api = new Api(APP.getLocalPort());
        String holder = api.newAccount();
        String locked = api.newAccount();
        api.post(LOGIN, null, Map.of("email", locked, "password", "wrong password 123")).expect(401);
        api.post(LOGIN, null, Map.of("email", locked, "password", Api.PASSWORD)).expect(429);
        long rejectedBefore = rejected();

        PasswordCheckHold.arm(1);
        CompletableFuture<Reply> held = CompletableFuture.supplyAsync(() ->
                api.post(LOGIN, null, Map.of("email", holder, "password", Api.PASSWORD)));
        assertThat(PasswordCheckHold.awaitDecided()).as("the holder's check occupies the only bcrypt thread").isTrue();

        String unsent = answerWithoutSendingTheBody(LOGIN);
        assertThat(unsent).as("answered though its body was never sent").startsWith("HTTP/1.1 503 ");
        assertThat(unsent).containsIgnoringCase("Retry-After: 3").contains("\"code\":503",
                "\"message\":\"The service is busy; retry shortly\"");
        Reply malformed = api.raw("POST", LOGIN, "application/json", "{\"email\":".getBytes(), Map.of());
        assertBusy(malformed);
        assertBusy(api.post(LOGIN, null, Map.of("email", locked, "password", Api.PASSWORD)));
        assertBusy(api.post("/api/v1/auth/register", null,
                Map.of("email", "new@example.org", "password", Api.PASSWORD, "first_name", "New")));
        assertBusy(api.patch("/api/v1/users/me/password", null,
                Map.of("current_password", Api.PASSWORD, "new_password", "another password 42")));
        assertThat(rejected() - rejectedBefore).isEqualTo(5);

        PasswordCheckHold.release();
        held.join().expect(200);
        awaitBcryptIdle();
        api.raw("POST", LOGIN, "application/json", "{\"email\":".getBytes(), Map.of()).expect(400);
        api.post(LOGIN, null, Map.of("email", locked, "password", Api.PASSWORD)).expect(429);
        api.patch("/api/v1/users/me/password", null,
                Map.of("current_password", Api.PASSWORD, "new_password", "another password 42")).expect(401);
        api.login(holder);
    }

    private static void assertBusy(Reply reply) {
        reply.expect(503);
        assertThat(reply.header("Retry-After")).isEqualTo("3");
        assertThat(reply.json().get("code").asInt()).isEqualTo(503);
        assertThat(reply.json().get("message").asText()).isEqualTo("The service is busy; retry shortly");
    }

    /**
     * The holder's answer can leave before its bcrypt thread counts itself idle; until then the door would
     * still see the bulkhead full.
     */
    private static void awaitBcryptIdle() {
        while (!APP.getEnvironment().metrics().getGauges().get("portcullis.bcrypt.active").getValue().equals(0)) {
            Thread.onSpinWait();
        }
    }

    private static long rejected() {
        return APP.getEnvironment().metrics().meter("portcullis.bcrypt.rejected").getCount();
    }

    /**
     * POSTs the headers of a JSON request that announce a 64-byte body, sends no body, and returns everything
     * the server answers. A server that reads the body first keeps waiting for it, and the read times out.
     */
    private static String answerWithoutSendingTheBody(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(ANSWER_DEADLINE_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 64\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException waitingForTheBody) {
                // Whatever arrived is returned; with no answer the assertion names what happened.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
