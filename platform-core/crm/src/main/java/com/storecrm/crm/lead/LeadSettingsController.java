package com.storecrm.crm.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's lead configuration: custom fields and the list of sources (tenant administrator). */
@RestController
@Validated
@Tag(name = "Lead settings")
class LeadSettingsController {

    private final LeadFields fields;
    private final LeadSources sources;

    LeadSettingsController(LeadFields fields, LeadSources sources) {
        this.fields = fields;
        this.sources = sources;
    }

    @PostMapping("/api/lead-fields")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a custom lead field (TEXT, NUMBER, DATE, SINGLE_CHOICE)")
    LeadFieldView define(@Valid @RequestBody NewLeadField request) {
        return fields.define(request);
    }

    @GetMapping("/api/lead-fields")
    List<LeadFieldView> fields() {
        return fields.list();
    }

    @GetMapping("/api/lead-sources")
    List<LeadSourceEntry> sources() {
        return sources.list();
    }

    @PutMapping("/api/lead-sources")
    @Operation(summary = "Replace the offered lead sources; left-out ones are retired, existing leads keep them")
    List<LeadSourceEntry> replaceSources(@RequestBody @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LeadSourceEntry> offered) {
        return sources.replace(offered);
    }
}
