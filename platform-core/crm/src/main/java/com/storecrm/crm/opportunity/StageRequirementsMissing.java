package com.storecrm.crm.opportunity;

import com.storecrm.tenancy.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Leaving a stage without its mandatory feedback or tasks: a 400 naming each missing one. */
final class StageRequirementsMissing extends ApiProblem {

    StageRequirementsMissing(String stage, List<FieldProblem> missing) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "stage " + stage + " requires more feedback", missing);
    }
}
