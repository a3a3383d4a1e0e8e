package com.storecrm.crm.account;

import com.storecrm.crm.account.internal.Account;
import com.storecrm.crm.account.internal.AccountRepository;
import com.storecrm.crm.account.internal.HighSeasClaim;
import com.storecrm.crm.account.internal.HighSeasClaimRepository;
import com.storecrm.crm.account.internal.HighSeasRule;
import com.storecrm.crm.account.internal.HighSeasRuleRepository;
import com.storecrm.crm.account.internal.OwnershipChange;
import com.storecrm.crm.account.internal.OwnershipHistoryRepository;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The high seas (SPEC §3.4, the custom-CRM case): releasing a customer, applying to re-claim one
 * with a reason, the supervisor's decision, the return visit that makes a claim stick, and the
 * tenant's rules. Every move goes through {@link CustomerOwnership}, is audited and published.
 */
@Service
public class HighSeas {

    private static final Logger log = LoggerFactory.getLogger(HighSeas.class);

    static final Map<String, String> CLAIM_SORTABLE = Map.of("appliedAt", "appliedAt", "status", "status");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "appliedAt").and(Sort.by("id"));

    public enum ClaimsView { mine, review }

    private final AccountRepository accounts;
    private final HighSeasClaimRepository claims;
    private final HighSeasRuleRepository rules;
    private final OwnershipHistoryRepository history;
    private final AccountAccess access;
    private final OwnershipJournal journal;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final int sweepChunk;

    HighSeas(AccountRepository accounts, HighSeasClaimRepository claims, HighSeasRuleRepository rules,
             OwnershipHistoryRepository history, AccountAccess access, OwnershipJournal journal, Clock clock,
             PlatformTransactionManager transactions, @Value("${crm.high-seas.sweep-chunk:10000}") int sweepChunk) {
        this.accounts = accounts;
        this.claims = claims;
        this.rules = rules;
        this.history = history;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.sweepChunk = sweepChunk;
    }

    /** The owner (or a supervisor) gives the customer up to the high seas. */
    @Transactional
    public AccountView release(UUID accountId, String reason) {
        TenantScope scope = access.requireWorker();
        Account account = access.visible(scope, accountId);
        access.requireCanWork(scope, account);
        Instant now = Instant.now(clock);
        OwnershipChange change = legal(() -> account.release(now));
        accounts.saveAndFlush(account);
        journal.record(scope, change, null, reason, now);
        return AccountService.toView(account);
    }

    /** A rep applies to claim a high-seas customer; one open application per customer. */
    public ClaimView applyToClaim(UUID accountId, String reason) {
        TenantScope scope = access.requireWorker();
        try {
            return transaction.execute(status -> {
                Account account = access.visible(scope, accountId);
                Instant now = Instant.now(clock);
                OwnershipChange change = legal(account::applyToClaim);
                HighSeasClaim claim = HighSeasClaim.apply(account, scope.userId(), reason, now);
                accounts.saveAndFlush(account);
                claims.saveAndFlush(claim);
                journal.record(scope, change, claim.id(), reason, now);
                journal.publish(new HighSeasClaimApplied(scope.tenantId(), account.storeId(), account.id(), claim.id(),
                        scope.userId(), reason, now));
                return toView(claim);
            });
        } catch (DataIntegrityViolationException collision) {
            throw ApiProblem.conflict("someone else's claim on this customer is waiting for approval",
                    Map.of("currentState", OwnershipStatus.CLAIM_PENDING.name()));
        }
    }

    /** The supervisor approves: the applicant owns the customer, on condition of a timely return visit. */
    @Transactional
    public ClaimView approve(UUID claimId, String note) {
        return decide(claimId, true, note);
    }

    @Transactional
    public ClaimView refuse(UUID claimId, String note) {
        return decide(claimId, false, note);
    }

    private ClaimView decide(UUID claimId, boolean approved, String note) {
        TenantScope scope = access.requireWorker();
        HighSeasClaim claim = visibleClaim(scope, claimId);
        if (!AccountAccess.supervises(scope)) {
            throw ApiProblem.forbidden("only a supervisor of the store may decide claims");
        }
        if (scope.userId().equals(claim.applicantId())) {
            throw ApiProblem.forbidden("nobody may decide their own claim");
        }
        if (claim.status() != HighSeasClaim.Status.PENDING) {
            throw ApiProblem.conflict("the claim was " + claim.status() + " already",
                    Map.of("currentStatus", claim.status().name()));
        }
        Account account = accounts.findById(claim.accountId()).orElseThrow(() -> ApiProblem.notFound("claim"));
        Instant now = Instant.now(clock);
        Instant deadline = null;
        OwnershipChange change;
        if (approved) {
            deadline = now.plus(Duration.ofDays(currentRule().returnVisitDaysAfterClaim()));
            Instant due = deadline;
            change = legal(() -> account.approveClaim(claim.applicantId(), now, due));
        } else {
            change = legal(account::refuseClaim);
        }
        claim.decide(approved, scope.userId(), note, now);
        accounts.saveAndFlush(account);
        claims.saveAndFlush(claim);
        journal.record(scope, change, claim.id(), note, now);
        journal.publish(new HighSeasClaimDecided(scope.tenantId(), claim.storeId(), claim.accountId(), claim.id(),
                claim.applicantId(), approved, scope.userId(), note, deadline, now));
        return toView(claim);
    }

    @Transactional(readOnly = true)
    public ClaimView claim(UUID claimId) {
        return toView(visibleClaim(access.requireWorker(), claimId));
    }

    /** The applicant's own applications, or the applications of the stores a supervisor decides for. */
    @Transactional(readOnly = true)
    public PageResponse<ClaimView> claims(ClaimsView view, String status, int page, int size, String sort) {
        TenantScope scope = access.requireWorker();
        Pageable pageable = PageRequests.of(page, size, sort, CLAIM_SORTABLE, NEWEST_FIRST);
        HighSeasClaim.Status wanted = parseStatus(status);
        Page<HighSeasClaim> found;
        if (view == ClaimsView.review) {
            if (!AccountAccess.supervises(scope)) {
                throw ApiProblem.forbidden("only supervisors review claims");
            }
            found = wanted == null ? claims.findByStoreIdIn(scope.storeIds(), pageable)
                    : claims.findByStoreIdInAndStatus(scope.storeIds(), wanted, pageable);
        } else {
            found = claims.findByApplicantId(scope.userId(), pageable);
        }
        return PageRequests.response(found, HighSeas::toView);
    }

    @Transactional(readOnly = true)
    public List<OwnershipHistoryView> history(UUID accountId) {
        TenantScope scope = access.requireWorker();
        access.visible(scope, accountId);
        return history.findByAccountIdOrderByAtAscIdAsc(accountId).stream()
                .map(e -> new OwnershipHistoryView(e.action(), e.fromState(), e.toState(), e.fromOwner(), e.toOwner(),
                        e.claimId(), e.reason(), e.actorId(), e.at()))
                .toList();
    }

    /**
     * The owner's completed visit counts as the return visit: it keeps an owned customer and makes a
     * claim stick. A visit by anyone else, or to a customer nobody owns, changes nothing. Joins the
     * caller's transaction, so the visit and its effect commit together.
     */
    @Transactional
    public void recordReturnVisit(UUID accountId, UUID visitorId, Instant at) {
        TenantScope scope = TenantContext.require();
        Account account = accounts.findById(accountId).orElseThrow(() -> ApiProblem.notFound("account"));
        if (!visitorId.equals(account.ownerId())
                || !CustomerOwnership.allows(account.ownership(), OwnershipAction.RECORD_RETURN_VISIT)) {
            return;
        }
        OwnershipStatus from = account.ownership();
        OwnershipChange change = account.recordReturnVisit(at);
        accounts.saveAndFlush(account);
        journal.record(scope, change, null, null, Instant.now(clock));
        journal.publish(new ReturnVisitRecorded(scope.tenantId(), account.storeId(), account.id(), visitorId, from, at));
    }

    @Transactional(readOnly = true)
    public HighSeasRules rules() {
        access.requireWorker();
        HighSeasRule rule = currentRule();
        return new HighSeasRules(rule.daysWithoutReturnVisit(), rule.returnVisitDaysAfterClaim());
    }

    @Transactional
    public HighSeasRules changeRules(HighSeasRules request) {
        TenantScope scope = access.requireTenantAdmin("change the high-seas rules");
        HighSeasRule rule = currentRule();
        rule.change(request.daysWithoutReturnVisit(), request.returnVisitDaysAfterClaim(), scope.userId(),
                Instant.now(clock));
        return new HighSeasRules(rule.daysWithoutReturnVisit(), rule.returnVisitDaysAfterClaim());
    }

    /** One tenant's round of the automatic moves, in the job's scope; returns the customers moved. */
    List<UUID> moveOverdue(TenantScope job) {
        return moveOverdue(job, sweepChunk);
    }

    /**
     * The round in chunks of at most {@code chunk} customers, each chunk its own transaction: a
     * tenant with a million customers is neither one huge transaction nor a million small ones, and a
     * round that stops half way leaves every chunk either done (moved and journaled) or untouched,
     * for the next round to finish. The moves are set-based; {@link CustomerOwnership} says from
     * which states each automatic action moves a customer and to which.
     */
    List<UUID> moveOverdue(TenantScope job, int chunk) {
        Instant now = Instant.now(clock);
        HighSeasRule rule = transaction.execute(status -> currentRule());
        Instant before = now.minus(Duration.ofDays(rule.daysWithoutReturnVisit()));
        List<UUID> moved = new ArrayList<>();
        String noVisit = "no return visit within " + rule.daysWithoutReturnVisit() + " days";
        CustomerOwnership.moves(OwnershipAction.MOVE_FOR_NO_RETURN_VISIT).forEach((from, to) ->
                sweep(job, OwnershipAction.MOVE_FOR_NO_RETURN_VISIT, from, to, noVisit, now, chunk, moved,
                        () -> accounts.moveWithoutReturnVisitSince(from.name(), toHighSeas(to).name(),
                                OwnershipAction.MOVE_FOR_NO_RETURN_VISIT.name(), before, now, job.userId(), noVisit,
                                chunk)));
        String deadline = "no return visit within " + rule.returnVisitDaysAfterClaim() + " days of the claim";
        CustomerOwnership.moves(OwnershipAction.MISS_RETURN_VISIT_DEADLINE).forEach((from, to) ->
                sweep(job, OwnershipAction.MISS_RETURN_VISIT_DEADLINE, from, to, deadline, now, chunk, moved,
                        () -> accounts.moveReturnVisitOverdue(from.name(), toHighSeas(to).name(),
                                OwnershipAction.MISS_RETURN_VISIT_DEADLINE.name(), now, job.userId(), deadline,
                                chunk)));
        return moved;
    }

    private void sweep(TenantScope job, OwnershipAction action, OwnershipStatus from, OwnershipStatus to,
                       String reason, Instant now, int chunk, List<UUID> moved, Supplier<List<Object[]>> moveChunk) {
        int count;
        do {
            List<UUID> ids = transaction.execute(status -> {
                List<Object[]> rows = moveChunk.get();
                List<UUID> chunkIds = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    UUID id = (UUID) row[0];
                    journal.announce(job, new OwnershipChange(id, (UUID) row[1], action,
                            OwnershipStatus.valueOf((String) row[2]), to, (UUID) row[3], null), reason, now);
                    chunkIds.add(id);
                }
                return chunkIds;
            });
            moved.addAll(ids);
            count = ids.size();
            if (count > 0) {
                log.info("high seas: moved {} customers ({} from {}) in tenant {}", count, action, from,
                        job.tenantSlug());
            }
        } while (count == chunk);
    }

    // The sweep's statements write what a move to the high seas does to a customer (no owner, in the
    // high seas since now); a table that sent an automatic move anywhere else would need its own statement.
    private static OwnershipStatus toHighSeas(OwnershipStatus to) {
        if (to != OwnershipStatus.HIGH_SEAS) {
            throw new IllegalStateException("the high-seas sweep only moves customers to the high seas, not to " + to);
        }
        return to;
    }

    private HighSeasRule currentRule() {
        return rules.findById(HighSeasRule.ID).orElseThrow(() -> new IllegalStateException("no high-seas rules"));
    }

    private HighSeasClaim visibleClaim(TenantScope scope, UUID claimId) {
        return claims.findById(claimId)
                .filter(c -> scope.canSeeStore(c.storeId()))
                .filter(c -> scope.userId().equals(c.applicantId()) || AccountAccess.supervises(scope))
                .orElseThrow(() -> ApiProblem.notFound("claim"));
    }

    private static <T> T legal(Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalOwnershipTransition refused) {
            throw ApiProblem.conflict(refused.getMessage(), Map.of("currentState", refused.current().name()));
        }
    }

    private static HighSeasClaim.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return HighSeasClaim.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "must be PENDING, APPROVED or REFUSED");
        }
    }

    static ClaimView toView(HighSeasClaim c) {
        return new ClaimView(c.id(), c.storeId(), c.accountId(), c.applicantId(), c.reason(), c.status().name(),
                c.appliedAt(), c.decidedBy(), c.decidedAt(), c.decisionNote());
    }
}
