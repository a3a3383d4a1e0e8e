package com.storecrm.crm.lead;

import com.storecrm.tenancy.web.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final LeadService leads;

    LeadController(LeadService leads) {
        this.leads = leads;
    }

    @PostMapping
    ResponseEntity<LeadView> create(@Valid @RequestBody NewLead request) {
        LeadView created = leads.create(request);
        return ResponseEntity.created(URI.create("/api/leads/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    LeadView get(@PathVariable UUID id) {
        return leads.get(id);
    }

    @GetMapping
    PageResponse<LeadView> list(@RequestParam(required = false) LeadStatus status,
                                @RequestParam(required = false) UUID storeId,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size,
                                @RequestParam(required = false) String sort) {
        return leads.list(status, storeId, page, size, sort);
    }
}
