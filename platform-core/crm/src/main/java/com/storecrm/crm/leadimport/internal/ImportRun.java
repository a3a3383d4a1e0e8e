package com.storecrm.crm.leadimport.internal;

import com.storecrm.tenancy.TenantScope;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;

/**
 * Everything a run of an import needs to act in its tenant, kept in the job parameters so that a
 * restart - by any process, also one that never saw the upload - acts exactly as the first run did:
 * in the tenant's schema, for the importing user, scoped to the import's store only.
 */
public record ImportRun(UUID importId, UUID tenantId, String tenantSlug, String schema, UUID userId, UUID storeId) {

    static final String IMPORT = "importId";
    private static final String TENANT = "tenantId";
    private static final String SLUG = "tenantSlug";
    private static final String SCHEMA = "schema";
    private static final String USER = "userId";
    private static final String STORE = "storeId";

    public static ImportRun of(TenantScope caller, UUID importId, UUID storeId) {
        return new ImportRun(importId, caller.tenantId(), caller.tenantSlug(), caller.schema(), caller.userId(), storeId);
    }

    public static ImportRun of(JobParameters parameters) {
        return new ImportRun(UUID.fromString(parameters.getString(IMPORT)), UUID.fromString(parameters.getString(TENANT)),
                parameters.getString(SLUG), parameters.getString(SCHEMA), UUID.fromString(parameters.getString(USER)),
                UUID.fromString(parameters.getString(STORE)));
    }

    /** The run of the step executing on this thread, if it is an import's. */
    static Optional<ImportRun> ofCurrentStep() {
        StepContext step = StepSynchronizationManager.getContext();
        if (step == null || !(step.getJobParameters().get(IMPORT) instanceof String)) {
            return Optional.empty();
        }
        return Optional.of(of(step.getStepExecution().getJobParameters()));
    }

    /** The import id alone identifies the job instance: one instance per import, restarted in place. */
    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(IMPORT, importId.toString(), true)
                .addString(TENANT, tenantId.toString(), false)
                .addString(SLUG, tenantSlug, false)
                .addString(SCHEMA, schema, false)
                .addString(USER, userId.toString(), false)
                .addString(STORE, storeId.toString(), false)
                .toJobParameters();
    }

    public TenantScope scope() {
        return new TenantScope(tenantId, tenantSlug, schema, userId, "lead-import", Set.of(), Set.of(storeId), false);
    }
}
