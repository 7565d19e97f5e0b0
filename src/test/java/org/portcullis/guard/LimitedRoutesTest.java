package org.portcullis.guard;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LimitedRoutesTest {

    @Path("/api/v1/sessions")
    static final class Sessions {
        @GET
        @Path("me")
        public void list() {
        }

        @DELETE
        @Path("{id}")
        public void revoke() {
        }

        @Path("locator")
        public Object locator() {
            return null;
        }
    }

    @Path("api/v1/auth/refresh/")
    static final class Refresh {
        @POST
        public void refresh() {
        }
    }

    @Test
    void aRouteIsItsHttpMethodAndItsResourceAndMethodPaths() throws Exception {
        LimitedRoutes routes = new LimitedRoutes();
        routes.add(Sessions.class, Sessions.class.getMethod("list"));
        routes.add(Refresh.class, Refresh.class.getMethod("refresh"));

        assertThat(routes.matches("GET", "/api/v1/sessions/me")).isTrue();
        assertThat(routes.matches("POST", "/api/v1/auth/refresh")).as("slashes as Jersey reads them").isTrue();
        assertThat(routes.matches("GET", "/api/v1/sessions/me/")).as("Jersey routes a trailing slash alike").isTrue();
        assertThat(routes.matches("HEAD", "/api/v1/sessions/me")).as("Jersey answers HEAD with the GET method").isTrue();
        assertThat(routes.matches("HEAD", "/api/v1/auth/refresh")).isFalse();
        assertThat(routes.matches("POST", "/api/v1/sessions/me")).as("another method").isFalse();
        assertThat(routes.matches("GET", "/api/v1/sessions/me/extra")).isFalse();
        assertThat(routes.matches("GET", "/api/v1/sessions")).isFalse();
    }

    @Test
    void aTemplateVariableMatchesOneSegmentEvenAnEmptyOne() throws Exception {
        LimitedRoutes routes = new LimitedRoutes();
        routes.add(Sessions.class, Sessions.class.getMethod("revoke"));

        assertThat(routes.matches("DELETE", "/api/v1/sessions/3f1c2a9e-0000-4000-8000-000000000000")).isTrue();
        assertThat(routes.matches("DELETE", "/api/v1/sessions/a/b")).isFalse();
        assertThat(routes.matches("DELETE", "/api/v1/sessions/"))
                .as("Jetty's reading of /sessions/;x=1, which Jersey routes to {id}").isTrue();
    }

    @Test
    void literalPartsAreNotRegularExpressions() {
        LimitedRoutes routes = new LimitedRoutes();
        routes.add("GET", "/api/v1/openapi.json");

        assertThat(routes.matches("GET", "/api/v1/openapi.json")).isTrue();
        assertThat(routes.matches("GET", "/api/v1/openapiXjson")).isFalse();
    }

    @Test
    void aSubResourceLocatorHasNoRouteOfItsOwn() throws Exception {
        LimitedRoutes routes = new LimitedRoutes();
        routes.add(Sessions.class, Sessions.class.getMethod("locator"));

        assertThat(routes.matches("GET", "/api/v1/sessions/locator")).isFalse();
    }
}
