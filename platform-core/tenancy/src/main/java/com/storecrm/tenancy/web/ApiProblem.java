package com.storecrm.tenancy.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal a feature raises on purpose; rendered as RFC 9457 problem details. Subtypes name the
 * common cases so features say what happened, not which status code to send.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> fields;

    protected ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
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

    public record FieldProblem(String field, String message) {
    }

    /** Any record outside the caller's tenant or stores is reported exactly like one that does not exist. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " not found", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }
}
