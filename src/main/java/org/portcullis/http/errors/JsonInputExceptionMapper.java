package org.portcullis.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies Jackson could not read. Broken JSON is a 400; JSON that parses but does not fit the
 * request (an unknown field, a number where a string belongs, an array where an object belongs) is a 422
 * naming the field. Jackson's own messages quote class names and are never passed on.
 */
@Provider
public final class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonInputExceptionMapper.class);

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (BodyTooLargeException.isCause(e)) {
            return ErrorResponses.of(413, ErrorResponses.messageFor(413));
        }
        if (e instanceof InvalidDefinitionException) {
            // Our own type could not be (de)serialised: a server bug, not the client's.
            LOG.error("JSON binding failure", e);
            return ErrorResponses.of(500, UnexpectedExceptionMapper.MESSAGE);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ErrorResponses.invalid("Request body has an unknown field",
                    List.of(fieldOf(unknown) + ": unknown field"));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = fieldOf(mismatch);
            if (field.isEmpty()) {
                return ErrorResponses.invalid("Request body must be a JSON object", List.of("body: must be a JSON object"));
            }
            return ErrorResponses.invalid("Request body has a field of the wrong type",
                    List.of(field + ": has the wrong type"));
        }
        return ErrorResponses.of(400, "Request body is not valid JSON");
    }

    /** The JSON path of the problem, e.g. {@code first_name} or {@code items[2].name}; empty for the root. */
    static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
