package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadSpecifications;
import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.jpa.CappedPages;
import com.storecrm.tenancy.web.PageResponse;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lead lists count exactly up to a cap and say when the total is only a lower bound; the API
 * reports {@code totalExact}. Five leads against caps of three and ten show both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadListCountIT extends CrmIntegrationTest {

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private PlatformTransactionManager transactions;

    private LeadCast cast;
    private TenantScope admin;

    @BeforeAll
    void fiveLeads() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "list_count");
        for (int i = 0; i < 5; i++) {
            cast.lead(cast.rep);
        }
        admin = new TenantScope(cast.tenant.id(), cast.tenant.slug(), cast.tenant.schema(), cast.admin.id(), "admin",
                Set.of(PlatformRole.TENANT_ADMIN), Set.of(cast.store1, cast.store2), true);
    }

    @Test
    void countsExactlyUpToTheCapAndSaysWhenItStopped() {
        assertThat(page(0, 2, 3)).satisfies(p -> {
            assertThat(p.content()).hasSize(2);
            assertThat(p.totalElements()).isEqualTo(3);
            assertThat(p.totalExact()).isFalse();
        });
        assertThat(page(0, 2, 10)).satisfies(p -> {
            assertThat(p.totalElements()).isEqualTo(5);
            assertThat(p.totalExact()).isTrue();
        });
        assertThat(page(2, 2, 3)).as("a short last page needs no count").satisfies(p -> {
            assertThat(p.content()).hasSize(1);
            assertThat(p.totalElements()).isEqualTo(5);
            assertThat(p.totalExact()).isTrue();
        });
        assertThat(page(4, 2, 3)).as("a page past the end").satisfies(p -> {
            assertThat(p.content()).isEmpty();
            assertThat(p.totalElements()).isEqualTo(3);
            assertThat(p.totalExact()).isFalse();
        });
        assertThat(page(0, 10, 3).content()).as("the newest first, as the list sorts").hasSize(5);
    }

    @Test
    void theApiReportsAnExactTotalForAShortList() {
        Api.Response list = api().get("/api/leads?size=2", cast.rep.bearer());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("totalElements").asLong()).isEqualTo(5);
        assertThat(list.json().get("totalExact").asBoolean()).isTrue();
        assertThat(list.json().get("content").size()).isEqualTo(2);
    }

    private PageResponse<UUID> page(int page, int size, int cap) {
        return TenantContext.callAs(admin, () -> new TransactionTemplate(transactions).execute(status ->
                CappedPages.page(entityManager, Lead.class, LeadSpecifications.inStores(List.of(cast.store1)),
                        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")), cap, Lead::id)));
    }
}
