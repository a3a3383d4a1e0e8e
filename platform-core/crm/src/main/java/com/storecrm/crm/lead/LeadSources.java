package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.LeadSource;
import com.storecrm.crm.lead.internal.LeadSourceRepository;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's configurable list of lead sources (SPEC §3.2); a lead's source must be on it. */
@Service
public class LeadSources {

    private final LeadSourceRepository sources;
    private final LeadAccess access;

    LeadSources(LeadSourceRepository sources, LeadAccess access) {
        this.sources = sources;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<LeadSourceEntry> list() {
        access.requireLeadWorker();
        return offered();
    }

    /** Replaces the offered list; sources left out are retired, not deleted, so existing leads keep theirs. */
    @Transactional
    public List<LeadSourceEntry> replace(List<LeadSourceEntry> offered) {
        access.requireAdmin("configure lead sources");
        if (offered.stream().map(LeadSourceEntry::code).distinct().count() != offered.size()) {
            throw ApiProblem.invalidField("code", "must not repeat a source");
        }
        Map<String, LeadSource> existing = new HashMap<>();
        sources.findAll().forEach(source -> existing.put(source.code(), source));
        existing.values().forEach(LeadSource::retire);
        for (int i = 0; i < offered.size(); i++) {
            LeadSourceEntry entry = offered.get(i);
            LeadSource source = existing.get(entry.code());
            if (source == null) {
                sources.save(new LeadSource(entry.code(), entry.label(), i + 1));
            } else {
                source.offer(entry.label(), i + 1);
            }
        }
        sources.flush();
        return offered();
    }

    /** Whether the source is offered; for a check made once for many leads, then {@link #requireOffered}. */
    boolean offers(String code) {
        return sources.existsByCodeAndActiveTrue(code);
    }

    void requireOffered(String code) {
        if (code != null && !sources.existsByCodeAndActiveTrue(code)) {
            throw ApiProblem.invalidField("source", "must be one of " + String.join(", ",
                    offered().stream().map(LeadSourceEntry::code).toList()));
        }
    }

    private List<LeadSourceEntry> offered() {
        return sources.findByActiveTrueOrderByPositionAsc().stream()
                .map(source -> new LeadSourceEntry(source.code(), source.label())).toList();
    }
}
