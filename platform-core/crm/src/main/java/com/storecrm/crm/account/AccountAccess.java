package com.storecrm.crm.account;

import com.storecrm.crm.account.internal.Account;
import com.storecrm.crm.account.internal.AccountRepository;
import com.storecrm.crm.organisation.DataPermissions;
import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.RelatedTeams;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which customer: the organisation's one visibility mechanism (SPEC §3.1, see
 * {@link Visibility}) within the caller's stores, plus the high seas of their stores, which every
 * rep sees to apply for a claim. Store managers, HQ and the tenant administrator decide claims.
 * Finance, shipping and marketing do not work profiles.
 */
@Component
class AccountAccess {

    private static final Set<PlatformRole> WORK_ACCOUNTS = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP);
    private static final Set<PlatformRole> SUPERVISE = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER);
    private static final List<OwnershipStatus> OPEN_TO_ALL = List.of(OwnershipStatus.HIGH_SEAS,
            OwnershipStatus.CLAIM_PENDING);

    private final AccountRepository accounts;
    private final DataPermissions permissions;
    private final RelatedTeams teams;

    AccountAccess(AccountRepository accounts, DataPermissions permissions, RelatedTeams teams) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.teams = teams;
    }

    TenantScope requireWorker() {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(WORK_ACCOUNTS::contains)) {
            throw ApiProblem.forbidden("your role may not work with customer profiles");
        }
        return scope;
    }

    TenantScope requireTenantAdmin(String what) {
        TenantScope scope = requireWorker();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator may " + what);
        }
        return scope;
    }

    static boolean supervises(TenantScope scope) {
        return scope.roles().stream().anyMatch(SUPERVISE::contains);
    }

    Visibility visibility(TenantScope scope) {
        return permissions.of(scope, RecordType.ACCOUNT);
    }

    /** The customer if the caller may see it; any other, of any store or tenant, is a 404. */
    Account visible(TenantScope scope, UUID id) {
        Visibility visibility = visibility(scope);
        return accounts.findById(id).filter(account -> canSee(scope, visibility, account))
                .orElseThrow(() -> ApiProblem.notFound("account"));
    }

    boolean canSee(TenantScope scope, Visibility visibility, Account account) {
        return scope.canSeeStore(account.storeId()) && (OPEN_TO_ALL.contains(account.ownership())
                || visibility.canRead(account.ownerId(), RelatedTeams.users(teams.members(account.id()), false)));
    }

    /**
     * Editing a profile and adding to it: its owner and superiors, read/write team members and their
     * superiors, read/write shares, and the supervisors who see it.
     */
    void requireCanWork(TenantScope scope, Account account) {
        if (!canWork(visibility(scope), account)) {
            throw ApiProblem.forbidden("only the customer's owner and superiors, its read/write team, users it is "
                    + "shared with read/write and supervisors may change this profile");
        }
    }

    boolean canWork(Visibility visibility, Account account) {
        return visibility.canChange(account.ownerId(), RelatedTeams.users(teams.members(account.id()), true));
    }

    Specification<Account> visibleIn(TenantScope scope, Collection<UUID> stores) {
        Specification<Account> inStores = (root, query, cb) -> root.get("storeId").in(stores);
        Visibility visibility = visibility(scope);
        if (visibility.wholeStores()) {
            return inStores;
        }
        Specification<Account> open = (root, query, cb) -> root.get("ownership").in(OPEN_TO_ALL);
        return inStores.and(visibility.<Account>readable("ownerId", teams.filter(RecordType.ACCOUNT)).or(open));
    }
}
