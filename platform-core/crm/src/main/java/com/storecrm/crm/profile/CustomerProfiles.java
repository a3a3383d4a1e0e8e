package com.storecrm.crm.profile;

import com.storecrm.crm.account.AccountService;
import com.storecrm.crm.account.AccountView;
import com.storecrm.crm.visit.Visits;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's profile as one consistent read: 404 for a customer the caller may not see. */
@Service
public class CustomerProfiles {

    private final AccountService accounts;
    private final Visits visits;

    CustomerProfiles(AccountService accounts, Visits visits) {
        this.accounts = accounts;
        this.visits = visits;
    }

    @Transactional(readOnly = true)
    public CustomerProfileView profile(UUID accountId) {
        AccountView account = accounts.get(accountId);
        return new CustomerProfileView(account, accounts.contacts(accountId), accounts.followUps(accountId),
                visits.ofAccount(accountId), List.of(), List.of());
    }
}
