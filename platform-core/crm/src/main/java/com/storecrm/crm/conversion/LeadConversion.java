package com.storecrm.crm.conversion;

import com.storecrm.crm.account.AccountLink;
import com.storecrm.crm.account.AccountsForConversion;
import com.storecrm.crm.account.ContactView;
import com.storecrm.crm.account.NewAccount;
import com.storecrm.crm.account.NewContact;
import com.storecrm.crm.account.NewFollowUp;
import com.storecrm.crm.conversion.internal.ConversionRule;
import com.storecrm.crm.conversion.internal.LeadConversionRecord;
import com.storecrm.crm.conversion.internal.LeadConversionRecordRepository;
import com.storecrm.crm.lead.ActivityView;
import com.storecrm.crm.lead.LeadActivities;
import com.storecrm.crm.lead.LeadHandling;
import com.storecrm.crm.lead.LeadService;
import com.storecrm.crm.lead.LeadView;
import com.storecrm.crm.opportunity.NewOpportunity;
import com.storecrm.crm.opportunity.OpportunityService;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converting a lead (SPEC §3.2, lead manual 4.4) as one transaction: every part joins it, so any
 * refusal leaves no customer, contact or opportunity behind and the lead in its previous status.
 * The lead moves first, so a lead that cannot be converted (already converted, not the caller's)
 * is refused before anything is created.
 */
@Service
public class LeadConversion {

    private final LeadService leads;
    private final LeadHandling handling;
    private final LeadActivities activities;
    private final AccountsForConversion accounts;
    private final OpportunityService opportunities;
    private final ConversionSettings settings;
    private final LeadConversionRecordRepository records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadConversion(LeadService leads, LeadHandling handling, LeadActivities activities, AccountsForConversion accounts,
                   OpportunityService opportunities, ConversionSettings settings,
                   LeadConversionRecordRepository records, ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.handling = handling;
        this.activities = activities;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.settings = settings;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ConversionResult convert(UUID leadId, ConversionRequest request) {
        TenantScope scope = TenantContext.require();
        LeadView lead = leads.get(leadId);
        ConversionRule rule = settings.current();
        handling.convert(leadId, "converted");

        AccountLink link = accounts.linkOrCreate(account(lead, request.account()), rule.accountDuplicateCheck());
        UUID accountId = link.account().id();

        UUID contactId = null;
        if (request.contact() != null) {
            NewContact contact = contact(lead, request.contact());
            if (rule.contactDuplicateCheck()) {
                accounts.contactMatching(lead.storeId(), contact.mobile(), contact.email()).ifPresent(existing -> {
                    throw ApiProblem.conflict("a contact with this mobile number or email exists already in the store: "
                            + existing, Map.of("part", "contact", "existingContactId", existing));
                });
            }
            ContactView created = accounts.addContact(accountId, contact);
            contactId = created.id();
        }

        UUID opportunityId = null;
        if (request.opportunity() != null) {
            ConversionRequest.OpportunityPart part = request.opportunity();
            if (rule.uniqueOpportunityNamePerAccount() && opportunities.nameTakenUnder(accountId, part.name())) {
                throw ApiProblem.conflict("the customer has an opportunity named '" + part.name().strip()
                        + "' already", Map.of("part", "opportunity", "field", "name"));
            }
            opportunityId = opportunityPart(() -> opportunities.create(new NewOpportunity(accountId, part.name(),
                    part.amount(), part.salesProcessId(), null, part.expectedCloseDate(), part.productLine())).id());
        }

        int copied = 0;
        if (Boolean.TRUE.equals(request.copyActivities())) {
            List<NewFollowUp> followUps = activities.allOf(leadId).stream().map(LeadConversion::followUp).toList();
            copied = accounts.copyFollowUps(accountId, followUps).size();
        }

        Instant now = Instant.now(clock);
        records.save(LeadConversionRecord.of(leadId, lead.storeId(), accountId, link.linked(), contactId,
                opportunityId, copied, scope.userId(), now));
        events.publishEvent(new LeadConverted(scope.tenantId(), lead.storeId(), leadId, accountId, link.linked(),
                contactId, opportunityId, scope.userId(), now));
        return new ConversionResult(accountId, contactId, opportunityId, link.linked(), copied);
    }

    private static NewAccount account(LeadView lead, ConversionRequest.AccountPart part) {
        ConversionRequest.AccountPart given = part == null
                ? new ConversionRequest.AccountPart(null, null, null, null, null, null, null, null, null) : part;
        String name = blank(given.name()) ? lead.company() : given.name();
        if (blank(name)) {
            throw ApiProblem.invalidField("account.name", "is required: the lead has no company name");
        }
        return new NewAccount(lead.storeId(), name.strip(), given.tier(), given.province(), given.city(),
                given.address(), given.latitude(), given.longitude(), given.mobile(), given.chatId(), null, null,
                null, null);
    }

    private static NewContact contact(LeadView lead, ConversionRequest.ContactPart part) {
        String name = blank(part.name()) ? lead.name() : part.name().strip();
        if (blank(name)) {
            throw ApiProblem.invalidField("contact.name", "is required: the lead has no person name");
        }
        return new NewContact(name, part.title(), blank(part.mobile()) ? lead.phone() : part.mobile(),
                blank(part.chatId()) ? lead.chatId() : part.chatId(),
                blank(part.email()) ? lead.email() : part.email());
    }

    private static NewFollowUp followUp(ActivityView activity) {
        return new NewFollowUp(NewFollowUp.FollowUpKind.valueOf(activity.kind().name()), activity.result(),
                activity.occurredAt(), activity.nextFollowUpOn());
    }

    /** The opportunity feature names its own fields; the client sent them under {@code opportunity}. */
    private static UUID opportunityPart(java.util.function.Supplier<UUID> create) {
        try {
            return create.get();
        } catch (ApiProblem refused) {
            if (refused.fields().isEmpty()) {
                throw refused;
            }
            ApiProblem.FieldProblem field = refused.fields().get(0);
            throw ApiProblem.invalidField("opportunity." + field.field(), field.message());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
