package com.storecrm.admin.onboarding;

import com.storecrm.tenancy.web.PageBounds;
import com.storecrm.tenancy.web.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/platform/tenants")
class OnboardingController {

    private final Onboarding onboarding;
    private final TenantOperations operations;

    OnboardingController(Onboarding onboarding, TenantOperations operations) {
        this.onboarding = onboarding;
        this.operations = operations;
    }

    @PostMapping
    ResponseEntity<OnboardedTenant> onboard(@Valid @RequestBody OnboardTenant request) {
        Onboarding.Outcome outcome = onboarding.onboard(request);
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/platform/tenants/" + outcome.tenant().slug())).body(outcome.tenant())
                : ResponseEntity.status(HttpStatus.OK).body(outcome.tenant());
    }

    @GetMapping
    PageResponse<TenantOverview> list(@RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "50") int size) {
        PageBounds.check(page, size);
        return operations.list(page, size);
    }

    @GetMapping("/{slug}")
    TenantOverview get(@PathVariable String slug) {
        return operations.get(slug);
    }

    @PostMapping("/{slug}/suspend")
    TenantOverview suspend(@PathVariable String slug) {
        return operations.suspend(slug);
    }

    @PostMapping("/{slug}/resume")
    TenantOverview resume(@PathVariable String slug) {
        return operations.resume(slug);
    }

    @DeleteMapping("/{slug}")
    OffboardedTenant offboard(@PathVariable String slug) {
        return operations.offboard(slug);
    }
}
