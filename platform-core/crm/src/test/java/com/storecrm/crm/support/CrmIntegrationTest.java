package com.storecrm.crm.support;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the crm integration tests: the real service on a random port, on the shared embedded
 * PostgreSQL, connected as the unprivileged application role, trusting tokens of {@link TokenMinter}.
 * All subclasses share one application context and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CrmIntegrationTest {

    protected static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    protected static final TokenMinter TOKENS = new TokenMinter();
    protected static final TenantFixtures FIXTURES = new TenantFixtures(DATABASE);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::appUser);
        registry.add("spring.datasource.password", DATABASE::appPassword);
        registry.add("platform.security.issuer", () -> TokenMinter.ISSUER);
        registry.add("platform.security.public-key", () -> "file:" + TOKENS.publicKeyFile());
    }

    protected Api api() {
        return new Api(port);
    }
}
