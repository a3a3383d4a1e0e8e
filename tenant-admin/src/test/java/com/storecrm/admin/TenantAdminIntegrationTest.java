package com.storecrm.admin;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.tenancy.catalog.ProvisioningProbe;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real tenant-admin on a random port over the shared embedded PostgreSQL (owner role, as in
 * production). One context for all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TenantAdminIntegrationTest.Faults.class)
public abstract class TenantAdminIntegrationTest {

    protected static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    protected static final String ISSUER = "http://tenant-admin.test";
    protected static final String OPERATOR_SECRET = "operator-secret-for-tests";
    protected static final String REDIRECT_URI = "http://127.0.0.1:18089/callback";
    /** The provisioning step at which the next onboarding fails, or null. */
    protected static final AtomicReference<String> FAIL_AT = new AtomicReference<>();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::ownerUser);
        registry.add("spring.datasource.password", DATABASE::ownerPassword);
        registry.add("platform.security.issuer", () -> ISSUER);
        registry.add("platform.admin.operator-secret", () -> OPERATOR_SECRET);
        registry.add("platform.admin.web-redirect-uris", () -> REDIRECT_URI);
        registry.add("platform.clickhouse.url", () -> com.storecrm.warehouse.LocalClickHouse.shared().url());
    }

    protected AdminApi api() {
        return new AdminApi(port, OPERATOR_SECRET);
    }

    @TestConfiguration
    static class Faults {
        @Bean
        @Primary
        ProvisioningProbe failingProbe() {
            return step -> {
                if (step.equals(FAIL_AT.get())) {
                    throw new IllegalStateException("injected failure at " + step);
                }
            };
        }
    }
}
