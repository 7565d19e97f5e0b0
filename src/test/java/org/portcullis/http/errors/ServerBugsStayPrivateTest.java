package org.portcullis.http.errors;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.validation.constraints.Email;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.PortcullisApplication;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.support.Api.Reply;
import org.portcullis.support.Api;
import org.portcullis.support.DatabaseExtension;
import org.portcullis.support.TestApps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bugs of our own reach the client as the generic 500, never as a library's message: the app here gets two
 * deliberately broken resources, one throwing, one with an impossible constraint (@Email on a number).
 */
class ServerBugsStayPrivateTest {
    /** The service plus the broken resources. */
    public static class BrokenApplication extends PortcullisApplication {
        @Override
        public void run(PortcullisConfiguration config, Environment environment) {
            super.run(config, environment);
            environment.jersey().register(new BrokenResource());
        }
    }

    @Path("/broken")
    public static class BrokenResource {
        @GET
        @Path("throws")
        public String fails() {
            throw new IllegalStateException("secret detail: jdbc:postgresql://db/portcullis");
        }

        @GET
        @Path("constraint")
        public String impossibleConstraint(@QueryParam("n") @Email Integer n) {
            return "unreachable";
        }
    }

    @RegisterExtension
    static final DatabaseExtension DB = DatabaseExtension.h2();

    @RegisterExtension
    static final DropwizardAppExtension<PortcullisConfiguration> APP = new DropwizardAppExtension<>(
            BrokenApplication.class, TestApps.CONFIG, TestApps.substitutingEnvironment(),
            TestApps.overrides(DB::url, java.util.Map.of()));

    @Test
    void anUnexpectedExceptionIsAGeneric500WithAnErrorId() {
        Reply reply = new Api(APP.getLocalPort()).get("/broken/throws", null);
        reply.expect(500);
        assertThat(reply.json().get("message").asText()).matches("Internal server error \\(error id [0-9a-f]+\\)");
        assertThat(reply.body()).doesNotContain("secret", "jdbc", "IllegalState");
    }

    @Test
    void aBrokenConstraintSetupIsAGeneric500Too() {
        Reply reply = new Api(APP.getLocalPort()).get("/broken/constraint?n=5", null);
        reply.expect(500);
        assertThat(reply.json().get("message").asText()).startsWith("Internal server error");
        assertThat(reply.body()).doesNotContain("HV0").doesNotContainIgnoringCase("validator");
    }
}
