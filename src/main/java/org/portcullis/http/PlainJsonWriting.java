package org.portcullis.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * Writes response bodies without the resource method's annotations. Jersey hands them to the body writer,
 * and Jackson's JSON provider hashes every one of them, member by member, to look up its cached writer:
 * our methods carry deep OpenAPI trees ({@code @Operation} with its responses, contents and schemas), so
 * that hashing was about a fifth of the CPU of a GET users/me. The annotations Jackson could act on when
 * writing ({@code @JsonView}, {@code @JacksonFeatures}) are not used on any resource here; request bodies
 * (and their validation annotations) are not touched.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public final class PlainJsonWriting implements WriterInterceptor {
    private static final Annotation[] NONE = new Annotation[0];

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.setAnnotations(NONE);
        context.proceed();
    }
}
