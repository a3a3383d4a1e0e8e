package com.storecrm.tenancy.web;

import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is and which stores they may see, on every tenant-facing service. */
@RestController
public class CallerController {

    private final CatalogReader catalog;

    public CallerController(CatalogReader catalog) {
        this.catalog = catalog;
    }

    public record Caller(String tenant, UUID userId, String username, List<PlatformRole> roles, boolean allStores,
                         List<CatalogReader.StoreInfo> stores) {
    }

    @GetMapping("/api/me")
    public Caller me() {
        TenantScope scope = TenantContext.require();
        return new Caller(scope.tenantSlug(), scope.userId(), scope.username(),
                scope.roles().stream().sorted().toList(), scope.allStores(),
                catalog.stores(scope.tenantId(), scope.storeIds()));
    }
}
