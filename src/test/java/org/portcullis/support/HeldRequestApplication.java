package org.portcullis.support;

import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.portcullis.PortcullisApplication;
import org.portcullis.PortcullisConfiguration;
import org.portcullis.guard.ConcurrencyLimited;

import java.util.Map;

/** The application plus one concurrency-limited endpoint, GET /api/v1/test/held, that waits on {@link RequestHold}. */
public class HeldRequestApplication extends PortcullisApplication {
    public static final String HELD = "/api/v1/test/held";

    @Override
    public void run(PortcullisConfiguration config, Environment environment) {
        super.run(config, environment);
        environment.jersey().register(new HeldResource());
    }

    @Path(HELD)
    @Produces(MediaType.APPLICATION_JSON)
    public static final class HeldResource {
        @GET
        @ConcurrencyLimited
        public Map<String, Boolean> held() throws InterruptedException {
            RequestHold.enterAndWait();
            return Map.of("released", true);
        }
    }
}
