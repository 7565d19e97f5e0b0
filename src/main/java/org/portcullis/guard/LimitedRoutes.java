package org.portcullis.guard;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP method and path of every {@link ConcurrencyLimited} endpoint, read from its resource's JAX-RS
 * annotations while Jersey builds its model, so that the limit can be applied in front of Jersey: a request
 * refused there costs about a fifth of one refused after Jersey's routing, exception mapping and JSON
 * writing, and refusals that cost nearly as much as service left no CPU to serve with (see
 * {@link ConcurrencyLimitFilter}).
 *
 * <p>A template variable ({@code {id}}) matches one path segment, empty included; a trailing slash matches,
 * as Jersey routes it to the same method. Paths are matched as the servlet container decodes them, so a few
 * spellings Jersey would answer 404 (an encoded letter) are limited too: limiting too much is harmless,
 * letting a route past is not.
 */
final class LimitedRoutes {
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private record Route(String method, Pattern path) {
    }

    /**
     * Records a resource method's route; one without an HTTP method (a sub-resource locator) has none. A GET
     * also answers HEAD: Jersey runs the GET method for a HEAD it has no method of its own for, database
     * read included, so a HEAD must not pass where the GET is limited.
     */
    void add(Class<?> resource, Method method) {
        httpMethod(method).ifPresent(verb -> {
            String template = join(resource.getAnnotation(Path.class), method.getAnnotation(Path.class));
            add(verb, template);
            if (verb.equals(HttpMethod.GET)) {
                add(HttpMethod.HEAD, template);
            }
        });
    }

    void add(String httpMethod, String template) {
        routes.add(new Route(httpMethod, compile(template)));
    }

    /** Whether a request of {@code httpMethod} for {@code path} (decoded, from the root) goes to a limited endpoint. */
    boolean matches(String httpMethod, String path) {
        for (Route route : routes) {
            if (route.method().equals(httpMethod) && route.path().matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    static Pattern compile(String template) {
        String path = ("/" + template).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher variable = VARIABLE.matcher(path);
        int literal = 0;
        while (variable.find()) {
            // [^/]* rather than +: Jetty reads /sessions/;x=1 as /sessions/, and Jersey binds {id} to ";x=1",
            // authenticating (a database read) before it finds no such session; an empty segment it would
            // not route is limited for nothing, which costs nobody anything.
            regex.append(Pattern.quote(path.substring(literal, variable.start()))).append("[^/]*");
            literal = variable.end();
        }
        regex.append(Pattern.quote(path.substring(literal)));
        // Jersey routes a path with a trailing slash to the same method.
        return Pattern.compile(regex + "/?");
    }

    private static String join(Path resource, Path method) {
        return (resource == null ? "" : resource.value()) + "/" + (method == null ? "" : method.value());
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }
}
