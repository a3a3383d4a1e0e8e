package com.storecrm.crm.pool;

import com.storecrm.crm.lead.LeadAction;
import com.storecrm.crm.lead.LeadLifecycle;
import com.storecrm.crm.lead.PoolLead;
import com.storecrm.crm.lead.PoolLeads;
import com.storecrm.crm.pool.internal.LeadPool;
import com.storecrm.crm.pool.internal.LeadPoolRepository;
import com.storecrm.crm.pool.internal.PoolWrites;
import com.storecrm.crm.pool.internal.ReturnReasonRepository;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batch operations of a pool, each with the preconditions of the lead pool manual (5.1-5.4) and
 * the lead manual (4.5): the caller's right is checked for the whole batch (403), every lead on its
 * own (a refusal with its reason). The leads are row-locked in id order before anything is decided,
 * so two callers racing for one lead are served one after the other and the second sees the first's
 * result.
 */
@Service
public class PoolOperations {

    private final LeadPools pools;
    private final LeadPoolRepository repository;
    private final ReturnReasonRepository returnReasons;
    private final PoolLeads leads;
    private final PoolWrites writes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoolOperations(LeadPools pools, LeadPoolRepository repository, ReturnReasonRepository returnReasons,
                   PoolLeads leads, PoolWrites writes, ApplicationEventPublisher events, Clock clock) {
        this.pools = pools;
        this.repository = repository;
        this.returnReasons = returnReasons;
        this.leads = leads;
        this.writes = writes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A member takes Unassigned leads of a claimable pool, within the pool's limits. The member's
     * pool row is locked first, so their concurrent claims count and claim one after the other.
     */
    @Transactional
    public ClaimResult claim(UUID poolId, PoolBatch batch) {
        TenantScope scope = LeadPools.requireWorker();
        LeadPool pool = pools.visible(scope, poolId);
        if (!pool.isMember(scope.userId())) {
            throw ApiProblem.forbidden("only members of the pool may claim its leads");
        }
        if (pool.type() != PoolType.CLAIMABLE) {
            throw ApiProblem.conflict("the pool is assign-only: its administrators assign its leads",
                    Map.of("poolType", pool.type().name()));
        }
        repository.lockMember(poolId, scope.userId());
        Instant now = Instant.now(clock);
        LeadPool.Rules rules = pool.rules();
        // only a limit the pool has is counted, and the held leads only as far as that limit
        long held = rules.claimLimit() == null ? 0 : leads.countHeld(poolId, scope.userId(), rules.claimLimit());
        long today = rules.dailyClaimLimit() == null ? 0
                : repository.countClaimsOn(poolId, scope.userId(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        Map<UUID, PoolLead> locked = leads.lock(batch.leadIds());
        List<UUID> claimed = new ArrayList<>();
        List<PoolWrites.Claim> records = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (UUID id : ordered(batch.leadIds())) {
            PoolLead lead = locked.get(id);
            Refusal refusal = lead == null || !poolId.equals(lead.poolId()) ? Refusal.of(id, RefusalReason.NOT_IN_POOL)
                    : scope.userId().equals(lead.ownerId()) ? Refusal.of(id, RefusalReason.HELD_BY_YOU)
                    : lead.ownerId() != null ? Refusal.of(id, RefusalReason.HELD_BY_ANOTHER)
                    : !LeadLifecycle.allows(lead.status(), LeadAction.CLAIM) ? status(id, lead)
                    : rules.dailyClaimLimit() != null && today >= rules.dailyClaimLimit()
                            ? Refusal.of(id, RefusalReason.DAILY_LIMIT_REACHED, "limit " + rules.dailyClaimLimit())
                    : rules.claimLimit() != null && held >= rules.claimLimit()
                            ? Refusal.of(id, RefusalReason.HELD_LIMIT_REACHED, "limit " + rules.claimLimit())
                    : null;
            if (refusal != null) {
                refused.add(refusal);
                continue;
            }
            leads.claim(id, scope.userId());
            records.add(new PoolWrites.Claim(UUID.randomUUID(), lead.storeId(), poolId, scope.userId(), id, now));
            events.publishEvent(new LeadClaimed(scope.tenantId(), lead.storeId(), poolId, id, scope.userId(), now));
            held++;
            today++;
            claimed.add(id);
        }
        writes.logClaims(records);
        singleLead(batch.leadIds(), refused);
        return new ClaimResult(claimed, refused);
    }

    /** A pool administrator gives leads (Unassigned, Pending, In Progress, Invalid) to a member of the pool. */
    @Transactional
    public PoolBatchResult assign(UUID poolId, AssignBatch batch) {
        TenantScope scope = LeadPools.requireWorker();
        LeadPool pool = administered(scope, poolId, "assign");
        if (!pool.isMember(batch.ownerId())) {
            throw ApiProblem.invalidField("ownerId", "must be a member of the pool");
        }
        return each(poolId, batch.leadIds(), (id, lead) -> {
            if (batch.ownerId().equals(lead.ownerId())) {
                return Refusal.of(id, RefusalReason.ALREADY_OWNER);
            }
            if (!LeadLifecycle.allows(lead.status(), LeadAction.ASSIGN)) {
                return status(id, lead);
            }
            leads.assign(id, batch.ownerId(), batch.reason());
            return null;
        });
    }

    /** A pool administrator takes leads (Pending, In Progress, Invalid) back from their owners. */
    @Transactional
    public PoolBatchResult reclaim(UUID poolId, PoolBatch batch) {
        TenantScope scope = LeadPools.requireWorker();
        administered(scope, poolId, "reclaim");
        return each(poolId, batch.leadIds(), (id, lead) -> {
            if (!LeadLifecycle.allows(lead.status(), LeadAction.RECLAIM)) {
                return status(id, lead);
            }
            leads.release(id, LeadAction.RECLAIM, poolId, batch.reason());
            events.publishEvent(new LeadReturnedToPool(scope.tenantId(), lead.storeId(), poolId, id, lead.ownerId(),
                    scope.userId(), LeadReturnedToPool.Way.RECLAIMED, batch.reason(), Instant.now(clock)));
            return null;
        });
    }

    /**
     * The owner (or a superior, a read/write team member or their superior, a user it is shared with
     * read/write, or a manager) gives leads back to the pool, with a
     * reason from the tenant's list when the tenant requires one. A lead outside any pool may be
     * returned into a pool the caller belongs to (lead manual 4.5, notes).
     */
    @Transactional
    public PoolBatchResult returnLeads(UUID poolId, PoolBatch batch) {
        TenantScope scope = LeadPools.requireWorker();
        LeadPool pool = pools.visible(scope, poolId);
        boolean manager = scope.roles().stream().anyMatch(LeadPools.MANAGERS::contains);
        requireReturnReason(batch.reason());
        boolean belongs = pool.isMember(scope.userId()) || pool.isAdmin(scope.userId()) || manager;
        Predicate<PoolLead> workable = leads.workableBy(scope);
        return each(pool.id(), batch.leadIds(), lead -> poolId.equals(lead.poolId())
                || lead.poolId() == null && belongs && pool.storeId().equals(lead.storeId()), (id, lead) -> {
            if (!LeadLifecycle.allows(lead.status(), LeadAction.RETURN)) {
                return status(id, lead);
            }
            if (!workable.test(lead)) {
                return Refusal.of(id, RefusalReason.NOT_PERMITTED);
            }
            leads.release(id, LeadAction.RETURN, poolId, batch.reason());
            events.publishEvent(new LeadReturnedToPool(scope.tenantId(), lead.storeId(), poolId, id, lead.ownerId(),
                    scope.userId(), LeadReturnedToPool.Way.RETURNED, batch.reason(), Instant.now(clock)));
            return null;
        });
    }

    /** A pool administrator moves leads, or the whole pool, to another pool of the store; owners and statuses stay. */
    @Transactional
    public PoolBatchResult transfer(UUID poolId, TransferBatch batch) {
        TenantScope scope = LeadPools.requireWorker();
        LeadPool pool = administered(scope, poolId, "transfer");
        LeadPool target = pools.visible(scope, batch.targetPoolId());
        if (!target.storeId().equals(pool.storeId()) || target.id().equals(pool.id())) {
            throw ApiProblem.invalidField("targetPoolId", "must be another pool of the same store");
        }
        List<UUID> ids = batch.leadIds() == null ? leads.idsInPool(poolId) : batch.leadIds();
        PoolBatchResult result = each(poolId, ids, (id, lead) -> {
            leads.transfer(id, target.id());
            return null;
        });
        if (!result.moved().isEmpty()) {
            repository.moveHolds(result.moved(), target.id());
        }
        return result;
    }

    private LeadPool administered(TenantScope scope, UUID poolId, String what) {
        LeadPool pool = pools.visible(scope, poolId);
        if (!LeadPools.administers(scope, pool)) {
            throw ApiProblem.forbidden("only the pool's administrators may " + what + " its leads");
        }
        return pool;
    }

    private void requireReturnReason(String reason) {
        if (!returnReasons.required()) {
            return;
        }
        Set<String> codes = new TreeSet<>();
        returnReasons.reasons().forEach(row -> codes.add((String) row[0]));
        if (reason == null || !codes.contains(reason)) {
            throw ApiProblem.invalidField("reason", "a return reason is required, one of " + codes);
        }
    }

    private interface Step {
        Refusal apply(UUID id, PoolLead lead);
    }

    private interface Belongs {
        boolean test(PoolLead lead);
    }

    private PoolBatchResult each(UUID poolId, List<UUID> ids, Step step) {
        return each(poolId, ids, lead -> poolId.equals(lead.poolId()), step);
    }

    private PoolBatchResult each(UUID poolId, List<UUID> ids, Belongs belongs, Step step) {
        Map<UUID, PoolLead> locked = leads.lock(ids);
        List<UUID> moved = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (UUID id : ordered(ids)) {
            PoolLead lead = locked.get(id);
            Refusal refusal = lead == null || !belongs.test(lead) ? Refusal.of(id, RefusalReason.NOT_IN_POOL)
                    : step.apply(id, lead);
            if (refusal == null) {
                moved.add(id);
            } else {
                refused.add(refusal);
            }
        }
        singleLead(ids, refused);
        return new PoolBatchResult(moved, refused);
    }

    private static Refusal status(UUID id, PoolLead lead) {
        return Refusal.of(id, RefusalReason.STATUS_NOT_ALLOWED, lead.status().name());
    }

    private static List<UUID> ordered(List<UUID> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }

    /**
     * A request for one lead that is refused is answered as an error, not as a 200 with a refusal:
     * 404 for a lead the caller cannot see in the pool, 409 otherwise (the contract's "someone else
     * already holds it").
     */
    private static void singleLead(List<UUID> ids, List<Refusal> refused) {
        if (Set.copyOf(ids).size() != 1 || refused.isEmpty()) {
            return;
        }
        Refusal refusal = refused.get(0);
        if (refusal.reason() == RefusalReason.NOT_IN_POOL) {
            throw ApiProblem.notFound("lead");
        }
        throw ApiProblem.conflict(refusal.detail(), Map.of("leadId", refusal.leadId(), "reason", refusal.reason().name()));
    }
}
