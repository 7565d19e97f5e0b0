package org.portcullis.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The one error shape: every 4xx and 5xx body. {@code errors} appears on 422 only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("errors") List<String> errors) {

    public static ErrorResponse of(int code, String message) {
        return new ErrorResponse(code, message, null);
    }
}
