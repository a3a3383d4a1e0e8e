package com.storecrm.crm.profile;

import com.storecrm.crm.account.AccountView;
import com.storecrm.crm.account.ContactView;
import com.storecrm.crm.account.FollowUpView;
import com.storecrm.crm.visit.VisitView;
import java.util.List;

public record CustomerProfileView(AccountView account, List<ContactView> contacts, List<FollowUpView> followUps,
                                  List<VisitView> visits, List<Object> quotes, List<Object> orders) {
}
