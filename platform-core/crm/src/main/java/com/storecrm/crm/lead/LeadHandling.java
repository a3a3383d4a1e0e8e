package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadChange;
import com.storecrm.crm.lead.internal.LeadHistoryRepository;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status actions on one lead (lead manual 4.3, 4.4 and the discard rule of SPEC §3.1), each in
 * the order 404 (not visible) - 403 (not yours to do) - 409 (not from this status), each writing
 * one history entry and publishing its events in the same transaction. Claim, return and reclaim
 * are here for the pools feature and conversion for the conversion feature; they check their own
 * preconditions (pool membership, conversion rules) before calling.
 */
@Service
public class LeadHandling {

    private static final EnumSet<PlatformRole> OWNER_ROLES = EnumSet.of(PlatformRole.SALES_REP,
            PlatformRole.STORE_MANAGER, PlatformRole.HQ_MANAGER, PlatformRole.TENANT_ADMIN, PlatformRole.MARKETING);

    private final LeadRepository leads;
    private final LeadHistoryRepository history;
    private final LeadAccess access;
    private final LeadJournal journal;
    private final CatalogReader catalog;

    LeadHandling(LeadRepository leads, LeadHistoryRepository history, LeadAccess access, LeadJournal journal,
                 CatalogReader catalog) {
        this.leads = leads;
        this.history = history;
        this.access = access;
        this.journal = journal;
        this.catalog = catalog;
    }

    /** A manager gives the lead to a user who works in its store; the lead becomes Pending for them. */
    @Transactional
    public LeadView assign(UUID leadId, UUID newOwner, String reason) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = access.visible(scope, leadId);
        if (!LeadAccess.managesStores(scope)) {
            throw ApiProblem.forbidden("only managers may assign leads");
        }
        boolean mayOwn = catalog.principal(newOwner)
                .filter(p -> p.scope().tenantId().equals(scope.tenantId()) && p.mayAct())
                .filter(p -> p.scope().canSeeStore(lead.storeId()))
                .filter(p -> p.scope().roles().stream().anyMatch(OWNER_ROLES::contains))
                .isPresent();
        if (!mayOwn) {
            throw ApiProblem.invalidField("ownerId", "must be an active user who works leads in the lead's store");
        }
        return act(scope, lead, reason, l -> l.assign(newOwner));
    }

    @Transactional
    public LeadView markInvalid(UUID leadId, String reason) {
        return work(leadId, reason, Lead::markInvalid);
    }

    @Transactional
    public LeadView reactivate(UUID leadId, String reason) {
        return work(leadId, reason, Lead::reactivate);
    }

    /** Discarding is like deleting (SPEC §3.2): the tenant administrator only. */
    @Transactional
    public LeadView discard(UUID leadId, String reason) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = access.visible(scope, leadId);
        if (!LeadAccess.isAdmin(scope)) {
            throw ApiProblem.forbidden("only the tenant administrator may discard leads");
        }
        return act(scope, lead, reason, Lead::discard);
    }

    /**
     * The tenant administrator brings a discarded lead back. Refused for everyone else before the
     * lead is even looked up, so the answer tells nothing about a lead they cannot see.
     */
    @Transactional
    public LeadView restore(UUID leadId, String reason) {
        TenantScope scope = access.requireAdmin("restore discarded leads");
        Lead lead = access.visible(scope, leadId);
        try {
            return act(scope, lead, reason, Lead::restore);
        } catch (DataIntegrityViolationException collision) {
            throw ApiProblem.conflict("a live lead of the store has this lead's phone number or email address");
        }
    }

    /** For the conversion feature, inside its all-or-nothing transaction (SPEC §3.2 conversion). */
    @Transactional
    public LeadView convert(UUID leadId, String reason) {
        return work(leadId, reason, Lead::convert);
    }

    /** For the pools feature: a member takes an Unassigned lead. */
    @Transactional
    public LeadView claim(UUID leadId) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = leads.findById(leadId).filter(l -> scope.canSeeStore(l.storeId())
                && l.status() != LeadStatus.DISCARDED).orElseThrow(() -> ApiProblem.notFound("lead"));
        return act(scope, lead, null, l -> l.claim(scope.userId()));
    }

    /** For the pools feature: return by the owner or reclaim by the pool administrator, into {@code poolId}. */
    @Transactional
    public LeadView release(UUID leadId, LeadAction returnOrReclaim, UUID poolId, String reason) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = access.visible(scope, leadId);
        return act(scope, lead, reason, l -> l.release(returnOrReclaim, poolId));
    }

    @Transactional(readOnly = true)
    public List<LeadHistoryView> history(UUID leadId) {
        TenantScope scope = access.requireLeadWorker();
        access.visible(scope, leadId);
        return history.findByLeadIdOrderByAtAscIdAsc(leadId).stream().map(entry -> new LeadHistoryView(entry.id(),
                entry.action(), entry.fromStatus(), entry.toStatus(), entry.fromOwner(), entry.toOwner(),
                entry.actorId(), entry.at(), entry.reason())).toList();
    }

    private LeadView work(UUID leadId, String reason, Function<Lead, LeadChange> action) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = access.visible(scope, leadId);
        access.requireCanWork(scope, lead);
        return act(scope, lead, reason, action);
    }

    private LeadView act(TenantScope scope, Lead lead, String reason, Function<Lead, LeadChange> action) {
        LeadChange change;
        try {
            change = action.apply(lead);
        } catch (IllegalTransition refused) {
            throw illegal(refused);
        }
        journal.record(scope, change, reason);
        leads.flush();
        return LeadService.toView(lead);
    }

    static ApiProblem illegal(IllegalTransition refused) {
        return ApiProblem.conflict(refused.getMessage(), Map.of("currentStatus", refused.current().name(),
                "action", refused.action().name()));
    }
}
