package com.storecrm.crm.account;

import com.storecrm.crm.account.internal.Account;
import com.storecrm.crm.account.internal.AccountFollowUp;
import com.storecrm.crm.account.internal.AccountFollowUpRepository;
import com.storecrm.crm.account.internal.AccountRepository;
import com.storecrm.crm.account.internal.Contact;
import com.storecrm.crm.account.internal.ContactRepository;
import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.RelatedTeamRequest;
import com.storecrm.crm.organisation.RelatedTeams;
import com.storecrm.crm.organisation.TeamMember;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer profiles within the caller's stores (SPEC §3.4): creating and editing them under the dual
 * check, contacts and follow-up records, and what other features may ask about a customer.
 */
@Service
public class AccountService {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "name", "name", "ownership", "ownership");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));
    private static final UUID NOBODY = new UUID(0L, 0L);

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final AccountFollowUpRepository followUps;
    private final AccountAccess access;
    private final OwnershipJournal journal;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RelatedTeams teams;

    AccountService(AccountRepository accounts, ContactRepository contacts, AccountFollowUpRepository followUps,
                   AccountAccess access, OwnershipJournal journal, Clock clock, PlatformTransactionManager transactions,
                   RelatedTeams teams) {
        this.teams = teams;
        this.accounts = accounts;
        this.contacts = contacts;
        this.followUps = followUps;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The customer's related team (SPEC §3.1), for those who see the customer. */
    @Transactional(readOnly = true)
    public List<TeamMember> relatedTeam(UUID id) {
        TenantScope scope = access.requireWorker();
        return teams.members(access.visible(scope, id).id());
    }

    /** Replaces the customer's related team: those who may change the customer do. */
    @Transactional
    public List<TeamMember> replaceRelatedTeam(UUID id, RelatedTeamRequest request) {
        TenantScope scope = access.requireWorker();
        Account account = access.visible(scope, id);
        access.requireCanWork(scope, account);
        return teams.replace(scope, RecordType.ACCOUNT, account.id(), account.storeId(), request.members());
    }

    /**
     * A profile created by the caller is owned by the caller. A mobile number or chat id already on a
     * profile of the store is a 409 naming that profile; the unique indexes decide when two creations
     * race, so exactly one of them wins.
     */
    public AccountView create(NewAccount request) {
        TenantScope scope = access.requireWorker();
        return refusingDuplicates(request, NOBODY, () -> {
            if (!scope.canSeeStore(request.storeId())) {
                throw ApiProblem.invalidField("storeId", "no such store");
            }
            Account.Profile profile = profile(request);
            duplicateOf(request, NOBODY).ifPresent(duplicate -> {
                throw duplicate;
            });
            Instant now = Instant.now(clock);
            Account account = Account.create(request.storeId(), profile, scope.userId(), now);
            accounts.saveAndFlush(account);
            journal.record(scope, account.created(), null, null, now);
            return toView(account);
        });
    }

    /** Edits a profile; its store cannot change, and the dual check applies as on creation. */
    public AccountView update(UUID id, NewAccount request) {
        TenantScope scope = access.requireWorker();
        return refusingDuplicates(request, id, () -> {
            Account account = access.visible(scope, id);
            access.requireCanWork(scope, account);
            if (!account.storeId().equals(request.storeId())) {
                throw ApiProblem.invalidField("storeId", "a customer stays in the store it was created in");
            }
            Account.Profile profile = profile(request);
            duplicateOf(request, id).ifPresent(duplicate -> {
                throw duplicate;
            });
            account.edit(profile);
            accounts.saveAndFlush(account);
            return toView(account);
        });
    }

    private AccountView refusingDuplicates(NewAccount request, UUID except, Supplier<AccountView> work) {
        try {
            return transaction.execute(status -> work.get());
        } catch (DataIntegrityViolationException collision) {
            if (!String.valueOf(collision.getMostSpecificCause().getMessage()).contains("account_unique_")) {
                throw collision;
            }
            throw transaction.execute(status -> duplicateOf(request, except)
                    .orElseGet(() -> ApiProblem.conflict("a customer with this mobile number or chat id exists already")));
        }
    }

    Optional<ApiProblem> duplicateOf(NewAccount request, UUID except) {
        Optional<UUID> byMobile = blank(request.mobile()) ? Optional.empty()
                : accounts.mobileHolder(request.storeId(), request.mobile(), except);
        if (byMobile.isPresent()) {
            return byMobile.map(id -> duplicate("mobile", id));
        }
        Optional<UUID> byChat = blank(request.chatId()) ? Optional.empty()
                : accounts.chatIdHolder(request.storeId(), request.chatId(), except);
        return byChat.map(id -> duplicate("chatId", id));
    }

    private static ApiProblem duplicate(String field, UUID existing) {
        return ApiProblem.conflict("a customer with this " + field + " exists already in the store: " + existing,
                Map.of("field", field, "existingAccountId", existing));
    }

    @Transactional(readOnly = true)
    public AccountView get(UUID id) {
        TenantScope scope = access.requireWorker();
        return toView(access.visible(scope, id));
    }

    @Transactional(readOnly = true)
    public PageResponse<AccountView> list(UUID storeId, OwnershipStatus ownership, UUID ownerId,
                                          int page, int size, String sort) {
        TenantScope scope = access.requireWorker();
        var pageable = PageRequests.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        Set<UUID> stores = storeId == null ? scope.storeIds()
                : scope.canSeeStore(storeId) ? Set.of(storeId) : Set.of();
        if (stores.isEmpty()) {
            return new PageResponse<>(List.of(), page, size, 0);
        }
        Specification<Account> spec = access.visibleIn(scope, stores);
        if (ownership != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownership"), ownership));
        }
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownerId"), ownerId));
        }
        return PageRequests.response(accounts.findAll(spec, pageable), AccountService::toView);
    }

    @Transactional
    public ContactView addContact(UUID accountId, NewContact request) {
        TenantScope scope = access.requireWorker();
        Account account = access.visible(scope, accountId);
        access.requireCanWork(scope, account);
        Contact contact = contacts.saveAndFlush(Contact.of(account, request.name(), request.title(), request.mobile(),
                request.chatId(), request.email()));
        return toView(contact);
    }

    @Transactional
    public FollowUpView addFollowUp(UUID accountId, NewFollowUp request) {
        TenantScope scope = access.requireWorker();
        Account account = access.visible(scope, accountId);
        access.requireCanWork(scope, account);
        Instant at = request.occurredAt() == null ? Instant.now(clock) : request.occurredAt();
        AccountFollowUp followUp = followUps.saveAndFlush(AccountFollowUp.on(account,
                AccountFollowUp.Kind.valueOf(request.kind().name()), request.result(), at, request.nextFollowUpOn()));
        return toView(followUp);
    }

    @Transactional(readOnly = true)
    public List<ContactView> contacts(UUID accountId) {
        TenantScope scope = access.requireWorker();
        access.visible(scope, accountId);
        return contacts.findByAccountIdOrderByCreatedAt(accountId).stream().map(AccountService::toView).toList();
    }

    @Transactional(readOnly = true)
    public List<FollowUpView> followUps(UUID accountId) {
        TenantScope scope = access.requireWorker();
        access.visible(scope, accountId);
        return followUps.findByAccountIdOrderByOccurredAtDesc(accountId).stream().map(AccountService::toView).toList();
    }

    /** The customer for another feature's use case, when the caller may see it; 404 otherwise. */
    @Transactional(readOnly = true)
    public AccountRef require(UUID accountId) {
        TenantScope scope = access.requireWorker();
        Account account = access.visible(scope, accountId);
        return new AccountRef(account.id(), account.storeId(), account.name(), account.ownerId(), account.ownership(),
                account.latitude(), account.longitude());
    }

    static Account.Profile profile(NewAccount request) {
        return new Account.Profile(request.name().strip(), request.tier(), request.province(), request.city(),
                request.address(), request.latitude(), request.longitude(), blankToNull(request.mobile()),
                blankToNull(request.chatId()), request.productPreferences(), request.purchaseIntention(),
                request.tags() == null ? List.of() : request.tags().stream().map(String::strip).distinct().toList(),
                CustomFields.write(request.customFields()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    static AccountView toView(Account a) {
        return new AccountView(a.id(), a.storeId(), a.name(), a.tier(), a.province(), a.city(), a.address(),
                a.latitude(), a.longitude(), a.mobile(), a.chatId(), a.productPreferences(), a.purchaseIntention(),
                a.tags(), CustomFields.read(a.customFieldsJson()), a.ownership(), a.ownerId(), a.ownedSince(),
                a.lastReturnVisitAt(), a.returnVisitDueAt(), a.inHighSeasSince(), a.getCreatedAt(), a.getCreatedBy(),
                a.getUpdatedAt(), a.getUpdatedBy());
    }

    static ContactView toView(Contact c) {
        return new ContactView(c.id(), c.accountId(), c.name(), c.title(), c.mobile(), c.chatId(), c.email(),
                c.getCreatedAt());
    }

    static FollowUpView toView(AccountFollowUp f) {
        return new FollowUpView(f.id(), NewFollowUp.FollowUpKind.valueOf(f.kind().name()), f.result(), f.occurredAt(),
                f.nextFollowUpOn(), f.getCreatedBy());
    }
}
