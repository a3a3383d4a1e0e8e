package com.storecrm.crm.account;

import com.storecrm.crm.account.internal.Account;
import com.storecrm.crm.account.internal.AccountRepository;
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
 * Who may see and work which customer: reps their own customers and the high seas of their stores
 * (to apply for a claim); store managers every customer of their stores and decide claims there;
 * HQ and the tenant administrator every store. Finance, shipping and marketing do not work profiles.
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

    AccountAccess(AccountRepository accounts) {
        this.accounts = accounts;
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

    /** The customer if the caller may see it; any other, of any store or tenant, is a 404. */
    Account visible(TenantScope scope, UUID id) {
        return accounts.findById(id).filter(account -> canSee(scope, account))
                .orElseThrow(() -> ApiProblem.notFound("account"));
    }

    boolean canSee(TenantScope scope, Account account) {
        return scope.canSeeStore(account.storeId()) && (supervises(scope)
                || scope.userId().equals(account.ownerId()) || OPEN_TO_ALL.contains(account.ownership()));
    }

    /** Editing a profile and adding to it: its owner, and the supervisors who see it. */
    void requireCanWork(TenantScope scope, Account account) {
        if (!supervises(scope) && !scope.userId().equals(account.ownerId())) {
            throw ApiProblem.forbidden("only the customer's owner and supervisors may change this profile");
        }
    }

    Specification<Account> visibleIn(TenantScope scope, Collection<UUID> stores) {
        Specification<Account> inStores = (root, query, cb) -> root.get("storeId").in(stores);
        if (supervises(scope)) {
            return inStores;
        }
        Specification<Account> mineOrOpen = (root, query, cb) -> cb.or(cb.equal(root.get("ownerId"), scope.userId()),
                root.get("ownership").in(OPEN_TO_ALL));
        return inStores.and(mineOrOpen);
    }
}
