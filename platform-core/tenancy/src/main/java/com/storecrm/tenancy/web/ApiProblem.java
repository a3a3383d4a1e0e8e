package com.storecrm.tenancy.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal a feature raises on purpose; rendered as RFC 9457 problem details. Subtypes name the
 * common cases so features say what happened, not which status code to send.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> fields;
    private final Map<String, Object> properties;

    protected ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fields) {
        this(status, title, detail, fields, Map.of());
    }

    /** @param properties extension members of the problem document (RFC 9457 §3.2), e.g. the id of a duplicate */
    protected ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fields,
                         Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public record FieldProblem(String field, String message) {
    }

    /** Any record outside the caller's tenant or stores is reported exactly like one that does not exist. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " not found", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    /** A conflict that tells the client what it collided with, e.g. {@code existingId} or {@code currentStatus}. */
    public static ApiProblem conflict(String detail, Map<String, Object> properties) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of(), properties);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }
}
