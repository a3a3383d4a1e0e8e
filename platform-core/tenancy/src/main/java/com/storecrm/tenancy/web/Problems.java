package com.storecrm.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details in the one shape every service answers with. */
public final class Problems {

    public static final URI TYPE_BASE = URI.create("https://storecrm.example/problems/");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<ApiProblem.FieldProblem> fields) {
        String detail = fields.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "Invalid request", detail);
        problem.setProperty("errors", fields.stream()
                .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return problem;
    }
}
