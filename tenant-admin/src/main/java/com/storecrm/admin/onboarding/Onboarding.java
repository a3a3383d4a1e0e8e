package com.storecrm.admin.onboarding;

import com.storecrm.admin.PlatformAdminProperties;
import com.storecrm.admin.signin.ApiClients;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import com.storecrm.tenancy.catalog.ProvisioningStep;
import com.storecrm.tenancy.catalog.TenantProvisioning;
import com.storecrm.tenancy.catalog.TenantSlug;
import com.storecrm.tenancy.catalog.TenantSpec;
import com.storecrm.tenancy.catalog.TenantStatus;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Onboards tenants: idempotent for a repeated identical request, 409 for a different request under
 * an existing slug, and all or nothing (catalog rows, schema, admin API client) otherwise.
 */
@Service
public class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private final TenantProvisioning provisioning;
    private final ApiClients apiClients;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final PlatformAdminProperties properties;

    Onboarding(TenantProvisioning provisioning, ApiClients apiClients, PasswordEncoder passwords, JdbcClient jdbc,
               PlatformAdminProperties properties) {
        this.provisioning = provisioning;
        this.apiClients = apiClients;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Outcome(boolean created, OnboardedTenant tenant) {
    }

    public Outcome onboard(OnboardTenant request) {
        refuseDuplicateNames(request);
        String fingerprint = RequestFingerprint.of(request);
        var existing = provisioning.find(request.slug());
        if (existing.isPresent()) {
            ProvisionedTenant tenant = existing.get();
            if (tenant.status() != TenantStatus.PROVISIONING) {
                return new Outcome(false, repeated(tenant, request, fingerprint));
            }
            if (!stale(tenant)) {
                throw ApiProblem.conflict("onboarding of tenant '" + request.slug() + "' is in progress");
            }
            log.warn("discarding crashed onboarding of tenant {}", tenant.slug());
            provisioning.discard(tenant, List.of(adminClientStep(new AtomicReference<>())));
        }
        AtomicReference<ApiClients.IssuedClient> adminClient = new AtomicReference<>();
        try {
            ProvisionedTenant tenant = provisioning.provision(spec(request, fingerprint),
                    List.of(adminClientStep(adminClient)));
            log.info("onboarded tenant {} with {} stores", tenant.slug(), tenant.stores().size());
            return new Outcome(true, view(tenant, new OnboardedTenant.AdminClient(adminClient.get().clientId(),
                    adminClient.get().clientSecret())));
        } catch (DuplicateKeyException raced) {
            throw ApiProblem.conflict("onboarding of tenant '" + request.slug() + "' is in progress");
        }
    }

    /** Cleans up onboardings that a crash interrupted. */
    public void discardStaleOnboardings() {
        for (String slug : provisioning.slugsInStatus(TenantStatus.PROVISIONING)) {
            provisioning.find(slug).filter(this::stale).ifPresent(tenant ->
                    provisioning.discard(tenant, List.of(adminClientStep(new AtomicReference<>()))));
        }
    }

    private OnboardedTenant repeated(ProvisionedTenant tenant, OnboardTenant request, String fingerprint) {
        boolean sameRequest = provisioning.fingerprint(tenant.slug()).map(fingerprint::equals).orElse(false)
                && provisioning.adminPasswordHash(tenant.adminUserId())
                        .map(hash -> passwords.matches(request.admin().password(), hash)).orElse(false);
        if (!sameRequest) {
            throw ApiProblem.conflict("tenant '" + tenant.slug() + "' already exists with different details");
        }
        String clientId = apiClients.clientIdsOf(tenant.id()).stream().findFirst().orElse(null);
        return view(tenant, new OnboardedTenant.AdminClient(clientId, null));
    }

    private boolean stale(ProvisionedTenant tenant) {
        Instant createdAt = jdbc.sql("select created_at from public.tenant where id = :id").param("id", tenant.id())
                .query(Instant.class).single();
        return createdAt.plus(properties.staleOnboarding()).isBefore(Instant.now());
    }

    private ProvisioningStep adminClientStep(AtomicReference<ApiClients.IssuedClient> issued) {
        return new ProvisioningStep() {
            @Override
            public String name() {
                return "admin-client";
            }

            @Override
            public void apply(ProvisionedTenant tenant) {
                issued.set(apiClients.issue(tenant.id(), tenant.slug(), tenant.adminUserId()));
            }

            @Override
            public void undo(ProvisionedTenant tenant) {
                apiClients.revokeAll(tenant.id());
            }
        };
    }

    private TenantSpec spec(OnboardTenant request, String fingerprint) {
        return new TenantSpec(new TenantSlug(request.slug()), request.name(), request.currency(),
                request.subsidiaries().stream().map(s -> new TenantSpec.Subsidiary(s.name(), s.stores().stream()
                        .map(store -> new TenantSpec.Store(store.name(), store.platform().name())).toList())).toList(),
                new TenantSpec.Admin(request.admin().username(), request.admin().displayName(),
                        passwords.encode(request.admin().password())),
                fingerprint);
    }

    private static void refuseDuplicateNames(OnboardTenant request) {
        Set<String> subsidiaries = new HashSet<>();
        Set<String> stores = new HashSet<>();
        for (int s = 0; s < request.subsidiaries().size(); s++) {
            OnboardTenant.Subsidiary subsidiary = request.subsidiaries().get(s);
            if (!subsidiaries.add(subsidiary.name())) {
                throw ApiProblem.invalidField("subsidiaries[" + s + "].name", "appears twice");
            }
            for (int i = 0; i < subsidiary.stores().size(); i++) {
                if (!stores.add(subsidiary.stores().get(i).name())) {
                    throw ApiProblem.invalidField("subsidiaries[" + s + "].stores[" + i + "].name",
                            "store names must be unique within the tenant");
                }
            }
        }
    }

    static OnboardedTenant view(ProvisionedTenant tenant, OnboardedTenant.AdminClient adminClient) {
        return new OnboardedTenant(tenant.id(), tenant.slug(), tenant.status().name(),
                tenant.subsidiaries().stream().map(s -> new OnboardedTenant.Subsidiary(s.id(), s.name(),
                        s.stores().stream().map(st -> new OnboardedTenant.Store(st.id(), st.name(), st.platform()))
                                .toList())).toList(),
                tenant.adminUserId(), adminClient);
    }
}
