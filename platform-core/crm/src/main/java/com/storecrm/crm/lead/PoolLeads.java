package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadChange;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.crm.lead.internal.TeamMember;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead side of pool operations (lead pool manual 5, lead manual 4.5), for the pools feature.
 * Unlike {@link LeadHandling} these methods run inside the caller's transaction and never refuse:
 * the pools feature locks the leads, checks its preconditions per lead and only then acts, so one
 * refused lead of a batch does not roll back the others. Every move still goes through
 * {@link LeadLifecycle} and writes history and events.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PoolLeads {

    private final LeadRepository leads;
    private final LeadJournal journal;
    private final LeadAccess access;

    PoolLeads(LeadRepository leads, LeadJournal journal, LeadAccess access) {
        this.leads = leads;
        this.journal = journal;
        this.access = access;
    }

    /**
     * Who may give a lead back (lead manual 4.5): its owner and the owner's superiors, read/write team
     * members and their superiors, users it is shared with read/write, and the managers of its store.
     */
    public Predicate<PoolLead> workableBy(TenantScope scope) {
        Visibility visibility = access.visibility(scope);
        return lead -> visibility.canChange(lead.ownerId(), lead.readWriteTeam());
    }

    /**
     * Locks the live leads among {@code ids} that lie in the caller's stores until the transaction
     * ends, always in id order. A lead that is missing, discarded or elsewhere is absent from the map.
     */
    public Map<UUID, PoolLead> lock(Collection<UUID> ids) {
        TenantScope scope = TenantContext.require();
        Map<UUID, PoolLead> locked = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        for (Lead lead : leads.lockAll(Set.copyOf(ids))) {
            if ((scope.allStores() || scope.canSeeStore(lead.storeId())) && lead.status() != LeadStatus.DISCARDED) {
                locked.put(lead.id(), view(lead));
            }
        }
        return locked;
    }

    /** The live leads of a pool, for moving a whole pool. */
    public List<UUID> idsInPool(UUID poolId) {
        return leads.idsInPool(poolId);
    }

    /** How many leads of the pool the user holds now (owned, not converted), counted up to {@code atMost}. */
    public long countHeld(UUID poolId, UUID owner, long atMost) {
        return leads.countHeld(poolId, owner, atMost);
    }

    public void claim(UUID leadId, UUID claimant) {
        act(leadId, null, lead -> lead.claim(claimant));
    }

    public void assign(UUID leadId, UUID owner, String reason) {
        act(leadId, reason, lead -> lead.assign(owner));
    }

    /** Return by the owner or reclaim by a pool administrator: Unassigned, no owner, in {@code poolId}. */
    public void release(UUID leadId, LeadAction returnOrReclaim, UUID poolId, String reason) {
        act(leadId, reason, lead -> lead.release(returnOrReclaim, poolId));
    }

    public void transfer(UUID leadId, UUID targetPoolId) {
        leads.findById(leadId).orElseThrow().transferTo(targetPoolId);
    }

    /**
     * For the pools' timeout job (a platform job scope only): returns the lead to its pool when it is
     * still Pending with {@code owner}, i.e. nobody followed it up since it was claimed or assigned.
     */
    public boolean returnUnattended(UUID leadId, UUID owner, String reason) {
        TenantScope scope = TenantContext.require();
        if (!TenantScope.PLATFORM_JOB_USER.equals(scope.userId())) {
            throw new IllegalStateException("automatic returns are a platform job's work");
        }
        Optional<Lead> lead = leads.lockAll(List.of(leadId)).stream().findFirst()
                .filter(l -> l.status() == LeadStatus.PENDING && owner.equals(l.ownerId()));
        lead.ifPresent(l -> journal.record(scope, l.release(LeadAction.RETURN, l.poolId()), reason));
        return lead.isPresent();
    }

    /** The pool's leads in the given statuses, as a pool member sees them in the pool's list. */
    @Transactional(readOnly = true)
    public PageResponse<LeadView> inPool(UUID poolId, Collection<LeadStatus> statuses, Pageable pageable) {
        return PageRequests.response(leads.findByPoolIdAndStatusIn(poolId, statuses, pageable), LeadService::toView);
    }

    private void act(UUID leadId, String reason, Function<Lead, LeadChange> action) {
        Lead lead = leads.findById(leadId).orElseThrow();
        journal.record(TenantContext.require(), action.apply(lead), reason);
    }

    private static PoolLead view(Lead lead) {
        return new PoolLead(lead.id(), lead.storeId(), lead.poolId(), lead.status(), lead.ownerId(),
                lead.team().stream().filter(m -> m.access() == TeamMember.Access.READ_WRITE)
                        .map(TeamMember::userId).collect(Collectors.toSet()));
    }
}
