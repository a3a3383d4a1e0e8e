package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Creating leads that arrive in bulk (file imports) under exactly the rules of {@code POST /api/leads}:
 * the request's field constraints, the store, campaign, source and custom fields, and the duplicate
 * rule against the store's live leads. A refused lead is an answer rather than an exception, so one
 * bad row does not stop the others. Runs in the caller's transaction and tenant scope.
 */
@Service
public class LeadIntake {

    private final LeadService leads;
    private final LeadAccess access;
    private final Validator validator;

    LeadIntake(LeadService leads, LeadAccess access, Validator validator) {
        this.leads = leads;
        this.access = access;
        this.validator = validator;
    }

    /** What became of one lead: created, or refused with the reason (and the duplicate's id, if that was it). */
    public sealed interface Admission permits Admitted, Refused {
    }

    public record Admitted(UUID leadId) implements Admission {
    }

    /** {@code duplicateField} and {@code existingId} are set when the lead duplicates a live lead of the store. */
    public record Refused(String reason, String duplicateField, UUID existingId) implements Admission {
    }

    /** The caller, when their role creates leads; 403 otherwise. */
    public TenantScope requireCreator() {
        return access.requireLeadWorker();
    }

    /** The caller, when they may create leads in the store: 403 for roles without leads, 400 for a store not theirs. */
    public TenantScope requireCreatorIn(UUID storeId) {
        TenantScope scope = access.requireLeadWorker();
        if (!scope.canSeeStore(storeId)) {
            throw ApiProblem.invalidField("storeId", "no such store");
        }
        return scope;
    }

    /** Whether the caller sees every lead of their stores, not only their own (managers, HQ, the administrator). */
    public boolean seesEveryLeadOfTheirStores(TenantScope scope) {
        return LeadAccess.managesStores(scope);
    }

    /** Creates the lead, owned by the acting user, or says why not; never throws for a rule the lead breaks. */
    public Admission admit(NewLead request) {
        TenantScope scope = TenantContext.require();
        Refused invalid = invalid(request);
        if (invalid != null) {
            return invalid;
        }
        try {
            return new Admitted(leads.admit(scope, request).id());
        } catch (ApiProblem refusal) {
            return refused(refusal);
        }
    }

    /**
     * {@link #admit} for many leads in one go, with the same answers, in order. A lead that repeats
     * the phone number or email address of one admitted earlier in the same call is refused as a
     * duplicate of that lead. The new leads are written when the caller's transaction flushes.
     */
    public List<Admission> admitAll(List<NewLead> requests) {
        TenantScope scope = TenantContext.require();
        List<Admission> admissions = new ArrayList<>(requests.size());
        List<NewLead> valid = new ArrayList<>();
        for (NewLead request : requests) {
            Refused invalid = invalid(request);
            admissions.add(invalid);
            if (invalid == null) {
                valid.add(request);
            }
        }
        Iterator<Object> outcomes = leads.admitAll(scope, valid).iterator();
        for (int i = 0; i < admissions.size(); i++) {
            if (admissions.get(i) == null) {
                Object outcome = outcomes.next();
                admissions.set(i, outcome instanceof ApiProblem refusal ? refused(refusal)
                        : new Admitted(((Lead) outcome).id()));
            }
        }
        return admissions;
    }

    private Refused invalid(NewLead request) {
        List<String> violations = validator.validate(request).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
        return violations.isEmpty() ? null : new Refused(String.join("; ", violations), null, null);
    }

    private static Refused refused(ApiProblem refusal) {
        if (refusal.properties().get("existingId") instanceof UUID existing
                && refusal.properties().get("field") instanceof String field) {
            return new Refused(field + ": duplicates the live lead " + existing, field, existing);
        }
        String reason = refusal.fields().isEmpty() ? refusal.getMessage() : refusal.fields().stream()
                .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new Refused(reason, null, null);
    }
}
