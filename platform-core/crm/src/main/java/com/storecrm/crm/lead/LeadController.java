package com.storecrm.crm.lead;

import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@Tag(name = "Leads")
class LeadController {

    static final int EXPORT_LIMIT = 50_000;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LeadService leads;

    LeadController(LeadService leads) {
        this.leads = leads;
    }

    @PostMapping
    @Operation(summary = "Create a lead", description = "Pending and owned by the caller. 409 naming `existingId` when "
            + "a live lead of the store has the phone number or email address; 403 for finance and shipping.")
    ResponseEntity<LeadView> create(@Valid @RequestBody NewLead request) {
        LeadView created = leads.create(request);
        return ResponseEntity.created(URI.create("/api/leads/" + created.id())).body(created);
    }

    @PostMapping("/business-card")
    @Operation(summary = "Create a lead from a scanned business card", description = "The card's text fields (OCR is "
            + "the client's). The lead takes name, company, email, wechat (as chat id) and mobile (else phone); the "
            + "whole card is kept with the lead (GET /api/leads/{id}/business-card). Source BUSINESS_CARD unless "
            + "another offered source is named. Same rules and duplicate check (409) as any new lead.")
    ResponseEntity<LeadView> createFromCard(@Valid @RequestBody NewBusinessCard card) {
        LeadView created = leads.createFromCard(card);
        return ResponseEntity.created(URI.create("/api/leads/" + created.id())).body(created);
    }

    @GetMapping("/{id}/business-card")
    @Operation(summary = "The business card a lead was created from", description = "404 when the lead is not "
            + "visible to the caller or was not created from a card.")
    BusinessCardView businessCard(@PathVariable UUID id) {
        return leads.businessCard(id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a lead", description = "404 for any lead the caller may not see, discarded ones included.")
    LeadView get(@PathVariable UUID id) {
        return leads.get(id);
    }

    @GetMapping
    @Operation(summary = "List a view of leads", description = "Views: all, mine, participatedByMe, myOverdue, "
            + "pendingMyFollowUp, subordinatesLeads, subordinatesParticipations, sharedWithMe, "
            + "myResponsibleDepartments, discarded (tenant administrator). Custom field filters: cf.<key>=value, cf.<key>.min/.max "
            + "(numbers), cf.<key>.from/.to (dates).")
    PageResponse<LeadView> list(@RequestParam(required = false) LeadViewName view,
                                @RequestParam(required = false) List<LeadStatus> status,
                                @RequestParam(required = false) List<String> source,
                                @RequestParam(required = false) UUID ownerId,
                                @RequestParam(required = false) UUID storeId,
                                @RequestParam(required = false) Instant createdFrom,
                                @RequestParam(required = false) Instant createdTo,
                                @RequestParam(required = false) Instant updatedFrom,
                                @RequestParam(required = false) Instant updatedTo,
                                @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size,
                                @RequestParam(required = false) String sort) {
        return leads.list(new LeadQuery(view, status, source, ownerId, storeId, createdFrom, createdTo, updatedFrom,
                updatedTo, customFieldFilters(parameters)), page, size, sort);
    }

    @GetMapping("/export")
    @Operation(summary = "Export a view of leads as CSV or XLSX", description = "Same view and filters as the list; "
            + "at most " + EXPORT_LIMIT + " leads.")
    ResponseEntity<byte[]> export(@RequestParam ExportFormat format,
                                  @RequestParam(required = false) LeadViewName view,
                                  @RequestParam(required = false) List<LeadStatus> status,
                                  @RequestParam(required = false) List<String> source,
                                  @RequestParam(required = false) UUID ownerId,
                                  @RequestParam(required = false) UUID storeId,
                                  @RequestParam(required = false) Instant createdFrom,
                                  @RequestParam(required = false) Instant createdTo,
                                  @RequestParam(required = false) Instant updatedFrom,
                                  @RequestParam(required = false) Instant updatedTo,
                                  @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                  @RequestParam(required = false) String sort) {
        LeadQuery query = new LeadQuery(view, status, source, ownerId, storeId, createdFrom, createdTo, updatedFrom,
                updatedTo, customFieldFilters(parameters));
        List<LeadView> rows = leads.all(query, sort, EXPORT_LIMIT + 1);
        if (rows.size() > EXPORT_LIMIT) {
            throw ApiProblem.invalidField("view", "exports at most " + EXPORT_LIMIT + " leads; narrow the filters");
        }
        List<String> keys = leads.customFieldKeys();
        boolean csv = format == ExportFormat.csv;
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("leads." + format.name()).build().toString())
                .body(csv ? LeadExport.csv(rows, keys) : LeadExport.xlsx(rows, keys));
    }

    enum ExportFormat { csv, xlsx }

    private static Map<String, String> customFieldFilters(Map<String, String> parameters) {
        return parameters.entrySet().stream().filter(e -> e.getKey().startsWith("cf."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
