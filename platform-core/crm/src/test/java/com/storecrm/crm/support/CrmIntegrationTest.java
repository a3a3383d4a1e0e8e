package com.storecrm.crm.support;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the crm integration tests: the real service on a random port, on the shared embedded
 * PostgreSQL, connected as the unprivileged application role, trusting tokens of {@link TokenMinter}.
 * All subclasses share one application context and one database. Scheduled jobs are off: tests move
 * the {@link MovableClock} and run a job themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CrmTestBeans.class)
public abstract class CrmIntegrationTest {

    protected static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    protected static final TokenMinter TOKENS = new TokenMinter();
    protected static final TenantFixtures FIXTURES = new TenantFixtures(DATABASE);

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected RecordedEvents events;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::appUser);
        registry.add("spring.datasource.password", DATABASE::appPassword);
        registry.add("platform.security.issuer", () -> TokenMinter.ISSUER);
        registry.add("platform.security.public-key", () -> "file:" + TOKENS.publicKeyFile());
        registry.add("crm.scheduling.enabled", () -> "false");
        registry.add("crm.notifications.webhook.allow-private-addresses", () -> "true");
    }

    protected Api api() {
        return new Api(port);
    }
}
