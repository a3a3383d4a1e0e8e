package com.storecrm.crm.conversion;

import com.storecrm.crm.conversion.internal.ConversionRule;
import com.storecrm.crm.conversion.internal.ConversionRuleRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's duplicate rules for conversion: everyone may read them, the tenant administrator changes them. */
@Service
public class ConversionSettings {

    private final ConversionRuleRepository rules;
    private final Clock clock;

    ConversionSettings(ConversionRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ConversionRules rules() {
        TenantContext.require();
        return view(current());
    }

    @Transactional
    public ConversionRules change(ConversionRules request) {
        TenantScope scope = TenantContext.require();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator may change the conversion rules");
        }
        ConversionRule rule = current();
        rule.change(request.accountDuplicateCheck(), request.contactDuplicateCheck(),
                request.uniqueOpportunityNamePerAccount(), scope.userId(), Instant.now(clock));
        rules.saveAndFlush(rule);
        return view(rule);
    }

    ConversionRule current() {
        return rules.findById(ConversionRule.ID).orElseThrow(() -> new IllegalStateException("no conversion rules"));
    }

    private static ConversionRules view(ConversionRule rule) {
        return new ConversionRules(rule.accountDuplicateCheck(), rule.contactDuplicateCheck(),
                rule.uniqueOpportunityNamePerAccount());
    }
}
