package com.storecrm.admin.identity;

import com.storecrm.admin.signin.ApiClients;
import com.storecrm.tenancy.web.PageBounds;
import com.storecrm.tenancy.web.PageResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenant")
class TenantIdentityController {

    private final TenantIdentity identity;

    TenantIdentityController(TenantIdentity identity) {
        this.identity = identity;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> createUser(@Valid @RequestBody NewUser request) {
        return Map.of("id", identity.createUser(request));
    }

    @PutMapping("/users/{id}/superior")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeSuperior(@PathVariable UUID id, @RequestBody SuperiorChange request) {
        identity.changeSuperior(id, request);
    }

    @GetMapping("/users")
    PageResponse<UserView> users(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageBounds.check(page, size);
        return identity.users(page, size);
    }

    @PostMapping("/api-clients")
    @ResponseStatus(HttpStatus.CREATED)
    ApiClients.IssuedClient issueApiClient(@Valid @RequestBody NewApiClient request) {
        return identity.issueApiClient(request);
    }
}
