package org.portcullis.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.core.setup.Environment;

/**
 * How the API reads and writes JSON. Request bodies are read strictly: unknown fields fail, and a number or
 * boolean is never quietly turned into a string (Jackson's default), so {@code "email": 5} is a 422, not an
 * address "5". Timestamps are written as ISO-8601 strings, and response bodies without the resource
 * method's annotations ({@link PlainJsonWriting}).
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static void install(Environment environment) {
        configure(environment.getObjectMapper());
        environment.jersey().register(new PlainJsonWriting());
    }

    static void configure(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
