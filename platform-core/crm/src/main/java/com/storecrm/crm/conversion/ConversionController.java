package com.storecrm.crm.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lead conversion")
class ConversionController {

    private final LeadConversion conversion;
    private final ConversionSettings settings;

    ConversionController(LeadConversion conversion, ConversionSettings settings) {
        this.conversion = conversion;
        this.settings = settings;
    }

    @PostMapping("/api/leads/{id}/convert")
    @Operation(summary = "Convert a lead", description = "All or nothing. 409 (with `part`) when the lead cannot be "
            + "converted, a contact of the store has the contact's mobile number or email (contact duplicate check), "
            + "or the customer has an opportunity of that name (unique-name rule).")
    ConversionResult convert(@PathVariable UUID id, @Valid @RequestBody ConversionRequest request) {
        return conversion.convert(id, request);
    }

    @GetMapping("/api/conversion-settings")
    ConversionRules rules() {
        return settings.rules();
    }

    @PutMapping("/api/conversion-settings")
    @Operation(summary = "Change the conversion duplicate rules", description = "The tenant administrator only.")
    ConversionRules change(@Valid @RequestBody ConversionRules request) {
        return settings.change(request);
    }
}
