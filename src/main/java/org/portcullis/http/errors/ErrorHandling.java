package org.portcullis.http.errors;

import io.dropwizard.core.setup.Environment;

import java.util.List;

/**
 * The one error shape for every failure: our exception mappers for whatever reaches Jersey (Dropwizard's
 * default mappers are off in config.yml), and {@link JsonErrorHandler} for what Jetty answers itself.
 */
public final class ErrorHandling {
    private ErrorHandling() {
    }

    public static void install(Environment environment) {
        List.of(new DomainExceptionMapper(), new DatabaseExceptionMapper(), new JsonInputExceptionMapper(),
                new ClientHangUpMapper(), new ViolationExceptionMapper(), new ValidationSetupExceptionMapper(),
                new WebApplicationExceptionMapper(), new UnknownCharsetMapper(), new UnexpectedExceptionMapper())
                .forEach(environment.jersey()::register);
        JsonErrorHandler jettyErrors = new JsonErrorHandler();
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
    }
}
