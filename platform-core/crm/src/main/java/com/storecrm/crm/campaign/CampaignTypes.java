package com.storecrm.crm.campaign;

import com.storecrm.crm.campaign.internal.CampaignType;
import com.storecrm.crm.campaign.internal.CampaignTypeRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's configurable list of campaign types (SPEC §3.2 "exhibition, promotion, ..."). */
@Service
public class CampaignTypes {

    private final CampaignTypeRepository types;

    CampaignTypes(CampaignTypeRepository types) {
        this.types = types;
    }

    @Transactional(readOnly = true)
    public List<CampaignTypeEntry> list() {
        Campaigns.require(EnumSet.complementOf(EnumSet.of(PlatformRole.FINANCE, PlatformRole.SHIPPING)), "read campaigns");
        return offered();
    }

    /** Replaces the offered list; types left out are retired, not deleted, so existing campaigns keep theirs. */
    @Transactional
    public List<CampaignTypeEntry> replace(List<CampaignTypeEntry> offered) {
        Campaigns.require(EnumSet.of(PlatformRole.TENANT_ADMIN), "configure campaign types");
        if (offered.stream().map(CampaignTypeEntry::code).distinct().count() != offered.size()) {
            throw ApiProblem.invalidField("code", "must not repeat a type");
        }
        Map<String, CampaignType> existing = new HashMap<>();
        types.findAll().forEach(type -> existing.put(type.code(), type));
        existing.values().forEach(CampaignType::retire);
        for (int i = 0; i < offered.size(); i++) {
            CampaignTypeEntry entry = offered.get(i);
            CampaignType type = existing.get(entry.code());
            if (type == null) {
                types.save(new CampaignType(entry.code(), entry.label(), i + 1));
            } else {
                type.offer(entry.label(), i + 1);
            }
        }
        types.flush();
        return offered();
    }

    void requireOffered(String code) {
        if (!types.existsByCodeAndActiveTrue(code)) {
            throw ApiProblem.invalidField("type", "must be one of "
                    + String.join(", ", offered().stream().map(CampaignTypeEntry::code).toList()));
        }
    }

    private List<CampaignTypeEntry> offered() {
        return types.findByActiveTrueOrderByPositionAsc().stream()
                .map(type -> new CampaignTypeEntry(type.code(), type.label())).toList();
    }
}
