package com.storecrm.crm.account;

import com.storecrm.crm.account.internal.Account;
import com.storecrm.crm.account.internal.AccountFollowUp;
import com.storecrm.crm.account.internal.AccountFollowUpRepository;
import com.storecrm.crm.account.internal.AccountRepository;
import com.storecrm.crm.account.internal.Contact;
import com.storecrm.crm.account.internal.ContactRepository;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What lead conversion (SPEC §3.2) does to customers, inside the conversion's transaction: unlike
 * {@link AccountService#create}, nothing here opens a transaction of its own, so a failure later in
 * the conversion takes the customer, contact and follow-ups back with it.
 */
@Service
public class AccountsForConversion {

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final AccountFollowUpRepository followUps;
    private final AccountService service;
    private final AccountAccess access;
    private final OwnershipJournal journal;
    private final Clock clock;

    AccountsForConversion(AccountRepository accounts, ContactRepository contacts, AccountFollowUpRepository followUps,
                          AccountService service, AccountAccess access, OwnershipJournal journal, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.followUps = followUps;
        this.service = service;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * With {@code linkByName} (the tenant's account duplicate check) an existing customer of the store
     * with the same name is linked, provided the caller may work it; otherwise a new profile owned by
     * the caller is created under the dual check.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AccountLink linkOrCreate(NewAccount request, boolean linkByName) {
        TenantScope scope = access.requireWorker();
        if (linkByName) {
            Optional<Account> existing = accounts.namedIn(request.storeId(), request.name()).flatMap(accounts::findById);
            if (existing.isPresent()) {
                Account account = existing.get();
                Visibility visibility = access.visibility(scope);
                if (!access.canSee(scope, visibility, account) || !access.canWork(visibility, account)) {
                    throw ApiProblem.conflict("a customer named '" + account.name() + "' exists in the store and is "
                            + "not yours to convert into", Map.of("part", "account", "existingAccountId", account.id()));
                }
                return new AccountLink(ref(account), true);
            }
        }
        Account.Profile profile = AccountService.profile(request);
        service.duplicateOf(request, new UUID(0L, 0L)).ifPresent(duplicate -> {
            throw duplicate;
        });
        Instant now = Instant.now(clock);
        Account account = Account.create(request.storeId(), profile, scope.userId(), now);
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException collision) {
            throw ApiProblem.conflict("a customer with this mobile number or chat id was created meanwhile",
                    Map.of("part", "account"));
        }
        journal.record(scope, account.created(), null, "converted from a lead", now);
        return new AccountLink(ref(account), false);
    }

    /** A contact of the store with this mobile number or email address, for the contact duplicate check. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> contactMatching(UUID storeId, String mobile, String email) {
        access.requireWorker();
        return contacts.matching(storeId, mobile, email);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ContactView addContact(UUID accountId, NewContact request) {
        Account account = accounts.findById(accountId).orElseThrow(() -> ApiProblem.notFound("account"));
        Contact contact = contacts.saveAndFlush(Contact.of(account, request.name(), request.title(), request.mobile(),
                request.chatId(), request.email()));
        return AccountService.toView(contact);
    }

    /** The lead's sales activities carried over as the customer's follow-up records, at their original times. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<FollowUpView> copyFollowUps(UUID accountId, List<NewFollowUp> records) {
        Account account = accounts.findById(accountId).orElseThrow(() -> ApiProblem.notFound("account"));
        List<AccountFollowUp> copies = records.stream().map(r -> AccountFollowUp.on(account,
                AccountFollowUp.Kind.valueOf(r.kind().name()), r.result(), r.occurredAt(), r.nextFollowUpOn())).toList();
        followUps.saveAllAndFlush(copies);
        return copies.stream().map(AccountService::toView).toList();
    }

    private static AccountRef ref(Account account) {
        return new AccountRef(account.id(), account.storeId(), account.name(), account.ownerId(), account.ownership(),
                account.latitude(), account.longitude());
    }
}
