package com.storecrm.crm.campaign;

import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignTypes types;

    CampaignController(Campaigns campaigns, CampaignTypes types) {
        this.campaigns = campaigns;
        this.types = types;
    }

    @PostMapping("/api/campaigns")
    @Operation(summary = "Plan a campaign", description = "Marketing, managers and the tenant administrator. "
            + "endDate >= startDate, money >= 0 with two decimals, type from /api/campaign-types.")
    ResponseEntity<CampaignView> plan(@Valid @RequestBody NewCampaign request) {
        CampaignView created = campaigns.plan(request);
        return ResponseEntity.created(URI.create("/api/campaigns/" + created.id())).body(created);
    }

    @GetMapping("/api/campaigns/{id}")
    @Operation(summary = "Read a campaign", description = "404 for a campaign outside the caller's stores.")
    CampaignView get(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @PutMapping("/api/campaigns/{id}")
    @Operation(summary = "Revise a campaign", description = "Every field as on creation; the store cannot change.")
    CampaignView revise(@PathVariable UUID id, @Valid @RequestBody NewCampaign request) {
        return campaigns.revise(id, request);
    }

    @DeleteMapping("/api/campaigns/{id}")
    @Operation(summary = "Delete a campaign")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        campaigns.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/campaigns")
    @Operation(summary = "List campaigns of the caller's stores", description = "Filters: storeId, type, status, "
            + "from/to (running on any day of the range), name (contains, any case).")
    PageResponse<CampaignView> list(@RequestParam(required = false) UUID storeId,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) CampaignStatus status,
                                    @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to,
                                    @RequestParam(required = false) String name,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size,
                                    @RequestParam(required = false) String sort) {
        return campaigns.list(new Campaigns.CampaignFilter(storeId, type, status, from, to, name), page, size, sort);
    }

    @GetMapping("/api/campaign-types")
    @Operation(summary = "The campaign types offered to users")
    List<CampaignTypeEntry> types() {
        return types.list();
    }

    @PutMapping("/api/campaign-types")
    @Operation(summary = "Replace the campaign types (tenant administrator)", description = "Types left out are "
            + "retired: existing campaigns keep them, new ones cannot use them.")
    List<CampaignTypeEntry> replaceTypes(@RequestBody List<@Valid CampaignTypeEntry> offered) {
        return types.replace(offered);
    }
}
