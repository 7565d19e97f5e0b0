package org.portcullis.http.docs;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.portcullis.http.SecurityHeadersFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Properties;

/**
 * GET /docs: Swagger UI over /api/v1/openapi.json, the page FastAPI users expect, to read the API and try it
 * from a browser. Every file comes from our jars, so the page works offline and loads nothing from a CDN.
 *
 * <p>Two of Dropwizard's {@link AssetsBundle}s share /docs: our index.html and swagger-initializer.js at
 * /docs/ (the webjar's own load the Swagger petstore), and the swagger-ui webjar's release files, untouched,
 * at /docs/swagger-ui/. The webjar keeps them under a folder named for its version, read here from the
 * webjar's pom.properties so that a version bump in pom.xml needs no change in this class.
 *
 * <p>These are servlets beside Jersey, not resources: authentication, the concurrency limit and the
 * body-size limit are Jersey providers bound to resource methods and never reach /docs, which needs none
 * of them. Nor does Jersey's {@link SecurityHeadersFilter}: {@link DocsHeaders} sets its headers here.
 */
public final class DocsPage implements ConfiguredBundle<Configuration> {
    static final String PATH = "/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    @Override
    public void initialize(Bootstrap<?> bootstrap) {
        bootstrap.addBundle(new AssetsBundle("/docs-page", PATH + "/", "index.html", "docs"));
        // No index file: the webjar's index.html and swagger-initializer.js are the petstore demo's.
        bootstrap.addBundle(new AssetsBundle("/" + WEBJAR + swaggerUiVersion(), PATH + "/swagger-ui/", null,
                "docs-swagger-ui"));
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.servlets().addFilter("docs-headers", new DocsHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PATH, PATH + "/*");
        environment.servlets().addServlet("docs-redirect", new TrailingSlash()).addMapping(PATH);
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * /docs itself would match the /docs/* assets too, but the page served there would resolve its relative
     * links against / and miss every file: the browser is sent to /docs/ instead. The relative Location
     * keeps whatever prefix a reverse proxy put in front of /docs.
     */
    private static final class TrailingSlash extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "docs/");
        }
    }
}
