package org.portcullis.http.resources;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.portcullis.api.ErrorResponse;
import org.portcullis.guard.BehindBcryptBulkhead;
import org.portcullis.guard.ConcurrencyLimited;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

/**
 * Adds to the OpenAPI document the 503 + Retry-After that the guards answer for the endpoints they stand in
 * front of: the concurrency limit ({@link ConcurrencyLimited}) and the bcrypt bulkhead
 * ({@link BehindBcryptBulkhead}). Derived from the same annotations that install the guards, so the document
 * lists the 503 exactly where a client can meet it, and a newly guarded endpoint documents itself.
 */
final class SheddingResponses {
    static final String LIMITED = "Over the concurrency limit: refused at once; retry after Retry-After seconds";
    static final String BCRYPT_FULL = "The password-hashing pool is full: refused at once; retry after Retry-After seconds";

    private SheddingResponses() {
    }

    static void addTo(OpenAPI document, List<Class<?>> resourceClasses) {
        for (Class<?> resource : resourceClasses) {
            boolean classLimited = resource.isAnnotationPresent(ConcurrencyLimited.class);
            for (Method method : resource.getDeclaredMethods()) {
                String description = classLimited || method.isAnnotationPresent(ConcurrencyLimited.class) ? LIMITED
                        : method.isAnnotationPresent(BehindBcryptBulkhead.class) ? BCRYPT_FULL : null;
                Operation operation = description == null ? null : operationOf(document, resource, method);
                if (operation != null) {
                    operation.getResponses().addApiResponse("503", unavailable(description));
                }
            }
        }
    }

    private static ApiResponse unavailable(String description) {
        return new ApiResponse()
                .description(description)
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                        .schema(new IntegerSchema()))
                .content(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ErrorResponse.class.getSimpleName()))));
    }

    /** The document's operation of a resource method, found by its path and HTTP method; null if it has none. */
    private static Operation operationOf(OpenAPI document, Class<?> resource, Method method) {
        String httpMethod = httpMethodOf(method);
        if (httpMethod == null || document.getPaths() == null) {
            return null;
        }
        PathItem item = document.getPaths().get(pathOf(resource, method));
        return item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(httpMethod.toUpperCase(Locale.ROOT)));
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** The resource's @Path and the method's, joined as swagger-core joins them: one slash between, none at the end. */
    static String pathOf(Class<?> resource, Method method) {
        Path classPath = resource.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String joined = "/" + (classPath == null ? "" : classPath.value()) + "/"
                + (methodPath == null ? "" : methodPath.value());
        String path = joined.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
