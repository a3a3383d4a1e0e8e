package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Only a valid platform token of an active tenant user gets in: every other request to the lead API
 * is a 401 with a {@code WWW-Authenticate: Bearer} challenge and a problem-details body, and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRefusalIT extends CrmIntegrationTest {

    private ProvisionedTenant tenantA;
    private ProvisionedTenant tenantB;
    private UUID storeA;
    private UUID repA;
    private String adminA;

    @BeforeAll
    void tenantsWithAUserEach() {
        tenantA = FIXTURES.tenant("tokens_a");
        tenantB = FIXTURES.tenant("tokens_b");
        storeA = tenantA.stores().get(0).id();
        repA = FIXTURES.user(tenantA, "rep", PlatformRole.SALES_REP, List.of(storeA));
        adminA = TOKENS.forUser(tenantA.slug(), tenantA.adminUserId()).bearer();
    }

    @Test
    void acceptsAValidTokenOfAnActiveTenantUser() {
        String bearer = validToken().bearer();

        assertThat(api().get("/api/leads", bearer).status()).isEqualTo(200);
        Api.Response created = api().post("/api/leads", bearer, lead());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Nested
    class RefusedTokens {

        @Test
        void refusesARequestWithoutAToken() {
            assertRefused(null);
        }

        @Test
        void refusesSomethingThatIsNotAJwt() {
            assertRefused("Bearer not-a-jwt");
        }

        @Test
        void refusesAnExpiredToken() {
            assertRefused(validToken().lifetime(Duration.ofMinutes(-5)).bearer());
        }

        @Test
        void refusesATokenOfAnotherIssuer() {
            assertRefused(validToken().issuer("http://someone-else.test").bearer());
        }

        @Test
        void refusesATokenMeantForAnotherService() {
            assertRefused(validToken().audience("analytics").bearer());
        }

        @Test
        void refusesATokenWithoutTheCrmScope() {
            assertRefused(validToken().scope("analytics tenant").bearer());
        }

        @Test
        void refusesATokenSignedByAKeyThePlatformDoesNotTrust() {
            assertRefused(validToken().signedWith(TokenMinter.foreignKeys()).bearer());
        }

        @Test
        void refusesATokenWithoutATenant() {
            assertRefused(validToken().tenant(null).bearer());
        }

        @Test
        void refusesAUserOfOneTenantClaimingAnotherTenant() {
            assertRefused(validToken().tenant(tenantB.slug()).bearer());
        }

        @Test
        void refusesATokenOfAUserThePlatformDoesNotKnow() {
            assertRefused(TOKENS.forUser(tenantA.slug(), UUID.randomUUID()).bearer());
        }
    }

    @Nested
    class SuspendedTenant {

        @Test
        void refusesAnOtherwiseValidTokenAtOnceWhileTheTenantIsSuspended() {
            ProvisionedTenant tenant = FIXTURES.tenant("tokens_suspended");
            UUID store = tenant.stores().get(0).id();
            String bearer = TOKENS.forUser(tenant.slug(), tenant.adminUserId()).bearer();
            assertThat(api().get("/api/leads", bearer).status()).isEqualTo(200);

            FIXTURES.suspend(tenant, true);
            try {
                assertUnauthorized(api().get("/api/leads", bearer));
                assertUnauthorized(api().post("/api/leads", bearer,
                        Map.of("storeId", store.toString(), "name", "While suspended")));
            } finally {
                FIXTURES.suspend(tenant, false);
            }

            assertThat(api().get("/api/leads", bearer).status()).isEqualTo(200);
            assertThat(api().get("/api/leads?size=1", bearer).json().get("totalElements").asLong())
                    .as("nothing was created while suspended").isZero();
        }
    }

    private TokenMinter.Token validToken() {
        return TOKENS.forUser(tenantA.slug(), repA);
    }

    private Map<String, String> lead() {
        return Map.of("storeId", storeA.toString(), "name", "Should not exist");
    }

    /** Both reading and writing are refused, and the refused write leaves nothing behind. */
    private void assertRefused(String authorization) {
        long before = countLeads();

        for (Api.Response response : List.of(api().get("/api/leads", authorization),
                api().post("/api/leads", authorization, lead()))) {
            assertUnauthorized(response);
            String challenge = response.header("WWW-Authenticate").orElseThrow();
            if (authorization == null) {
                assertThat(challenge).startsWith("Bearer").doesNotContain("error=");
            } else {
                assertThat(challenge).contains("error=\"invalid_token\"");
            }
        }

        assertThat(countLeads()).isEqualTo(before);
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).as("challenge").hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(response.body()).doesNotContain("Should not exist", "While suspended");
    }

    private long countLeads() {
        Api.Response response = api().get("/api/leads?size=1", adminA);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("totalElements").asLong();
    }
}
