package com.storecrm.crm.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class CustomerProfileController {

    private final CustomerProfiles profiles;

    CustomerProfileController(CustomerProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/accounts/{id}/profile")
    @Operation(summary = "A customer's profile", description = "The customer with its contacts, follow-up records "
            + "and visits; quotes and orders are empty until those features exist.")
    CustomerProfileView profile(@PathVariable UUID id) {
        return profiles.profile(id);
    }
}
