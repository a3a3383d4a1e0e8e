package com.storecrm.crm.notification;

import static com.storecrm.crm.pool.PoolCast.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storecrm.crm.lead.FollowUpDue;
import com.storecrm.crm.pool.PoolCast;
import com.storecrm.crm.pool.PoolTimeouts;
import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Lead and pool events notify the right users once each, within their tenant, in-app and by webhook. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT extends CrmIntegrationTest {

    @Autowired
    private PoolTimeouts timeouts;
    @Autowired
    private CatalogReader catalog;
    @Autowired
    private ApplicationEventPublisher publisher;
    @Autowired
    private PlatformTransactionManager transactions;

    private PoolCast cast;
    private PoolCast otherTenant;
    private HttpServer receiver;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeAll
    void tenantsAndReceiver() throws IOException {
        cast = new PoolCast(FIXTURES, TOKENS, api(), "notify_a");
        otherTenant = new PoolCast(FIXTURES, TOKENS, api(), "notify_b");
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @AfterEach
    void reset() {
        clock.reset();
        api().put("/api/notifications/webhook", cast.admin.bearer(), new HashMap<>(Map.of()));
    }

    @Test
    void claimAssignReturnAndReclaimEachNotifyTheRightUserOnce() {
        UUID pool = cast.pool(Map.of());
        UUID lead = cast.lead(pool);

        cast.ok(cast.claim(pool, cast.rep, List.of(lead)));
        cast.ok(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(List.of(lead)),
                "ownerId", cast.otherRep.id().toString())));
        cast.ok(cast.operate(pool, "return", cast.otherRep, Map.of("leadIds", ids(List.of(lead)), "reason", "UNREACHABLE")));
        cast.ok(cast.claim(pool, cast.rep, List.of(lead)));
        cast.ok(cast.operate(pool, "reclaim", cast.poolAdmin, Map.of("leadIds", ids(List.of(lead)))));

        assertThat(kinds(cast.poolAdmin, lead)).containsExactlyInAnyOrder("CLAIMED", "RETURNED", "CLAIMED");
        assertThat(kinds(cast.otherRep, lead)).containsExactly("ASSIGNED");
        assertThat(kinds(cast.rep, lead)).containsExactly("RECLAIMED");
        assertThat(kinds(otherTenant.poolAdmin, lead)).isEmpty();
        assertThat(kinds(otherTenant.rep, lead)).isEmpty();
    }

    @Test
    void theTimeoutWarnsAndThenTellsTheOwnerTheLeadWentBack() {
        UUID pool = cast.pool(Map.of("followUpTimeoutHours", 4));
        UUID lead = cast.lead(pool);
        cast.ok(cast.claim(pool, cast.rep, List.of(lead)));
        clock.moveBy(Duration.ofHours(5));

        timeouts.run();
        assertThat(kinds(cast.rep, lead)).containsExactly("RETURN_WARNING");
        timeouts.run();
        timeouts.run();

        assertThat(kinds(cast.rep, lead)).containsExactlyInAnyOrder("RETURN_WARNING", "AUTO_RETURNED");
    }

    @Test
    void aDueFollowUpNotifiesItsOwnerOnceHoweverOftenTheEventArrives() {
        UUID lead = cast.lead(cast.pool(Map.of()));
        FollowUpDue due = new FollowUpDue(cast.tenant.id(), cast.store1, lead, cast.rep.id(), UUID.randomUUID(),
                LocalDate.now(clock));
        TenantScope job = catalog.activeTenantJobScopes().stream()
                .filter(scope -> scope.tenantId().equals(cast.tenant.id())).findFirst().orElseThrow();

        for (int delivery = 0; delivery < 2; delivery++) {
            TenantContext.runAs(job, () -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> publisher.publishEvent(due)));
        }

        assertThat(kinds(cast.rep, lead)).containsExactly("FOLLOW_UP_DUE");
        assertThat(kinds(otherTenant.rep, lead)).isEmpty();
    }

    @Test
    void aBatchClaimNotifiesOncePerLeadAndARolledBackChangeNotifiesNobody() {
        UUID pool = cast.pool(Map.of());
        List<UUID> leads = cast.leads(pool, 3);

        cast.ok(cast.claim(pool, cast.rep, leads));

        for (UUID lead : leads) {
            assertThat(kinds(cast.poolAdmin, lead)).as("lead %s", lead).containsExactly("CLAIMED");
        }
        UUID lead = cast.lead(pool);
        TenantScope job = catalog.activeTenantJobScopes().stream()
                .filter(scope -> scope.tenantId().equals(cast.tenant.id())).findFirst().orElseThrow();
        FollowUpDue due = new FollowUpDue(cast.tenant.id(), cast.store1, lead, cast.rep.id(), UUID.randomUUID(),
                LocalDate.now(clock));
        TenantContext.runAs(job, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publisher.publishEvent(due);
            status.setRollbackOnly();
        }));
        assertThat(kinds(cast.rep, lead)).as("the change rolled back").isEmpty();
        TenantContext.runAs(job, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publisher.publishEvent(due);
            publisher.publishEvent(due);
        }));
        assertThat(kinds(cast.rep, lead)).as("one event twice in one transaction").containsExactly("FOLLOW_UP_DUE");
    }

    @Test
    void aRecipientMarksTheirNotificationReadAndNobodyElseCan() {
        UUID pool = cast.pool(Map.of());
        UUID lead = cast.lead(pool);
        cast.ok(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(List.of(lead)),
                "ownerId", cast.rep.id().toString())));
        UUID notification = UUID.fromString(of(cast.rep, lead).get(0).get("id").asString());

        assertThat(api().post("/api/notifications/" + notification + "/read", cast.otherRep.bearer(), Map.of()).status())
                .isEqualTo(404);
        assertThat(api().post("/api/notifications/" + notification + "/read", otherTenant.admin.bearer(), Map.of())
                .status()).isEqualTo(404);
        Api.Response read = api().post("/api/notifications/" + notification + "/read", cast.rep.bearer(), Map.of());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();
        JsonNode unread = api().get("/api/notifications?unread=true&size=200", cast.rep.bearer()).json();
        unread.get("content").forEach(n -> assertThat(n.get("id").asString()).isNotEqualTo(notification.toString()));
    }

    @Test
    void theWebhookReceivesEachNotificationAndFailuresAreRecorded() {
        assertThat(api().put("/api/notifications/webhook", cast.rep.bearer(), Map.of("url", hook("/hook"))).status())
                .isEqualTo(403);
        assertThat(api().put("/api/notifications/webhook", cast.admin.bearer(), Map.of("url", hook("/hook"))).status())
                .isEqualTo(200);
        UUID pool = cast.pool(Map.of());
        List<UUID> leads = cast.leads(pool, 2);
        UUID otherPool = otherTenant.pool(Map.of());
        otherTenant.ok(otherTenant.claim(otherPool, otherTenant.rep, otherTenant.leads(otherPool, 1)));

        cast.ok(cast.claim(pool, cast.rep, leads.subList(0, 1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhookStatus(cast.poolAdmin, leads.get(0)), "SENT"::equals);
        List<String> bodies = new ArrayList<>(received);
        assertThat(bodies).filteredOn(body -> body.contains(leads.get(0).toString())).singleElement()
                .satisfies(body -> assertThat(body).contains("\"kind\":\"CLAIMED\"")
                        .contains(cast.poolAdmin.id().toString()));
        assertThat(bodies).as("the other tenant configured no webhook").allMatch(body ->
                body.contains(cast.tenant.id().toString()));

        api().put("/api/notifications/webhook", cast.admin.bearer(), Map.of("url", hook("/broken")));
        cast.ok(cast.claim(pool, cast.rep, leads.subList(1, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> webhookStatus(cast.poolAdmin, leads.get(1)), "FAILED"::equals);
    }

    private String hook(String path) {
        return "http://localhost:" + receiver.getAddress().getPort() + path;
    }

    private String webhookStatus(PoolCast.User user, UUID lead) {
        List<JsonNode> mine = of(user, lead);
        return mine.isEmpty() || mine.get(0).get("webhookStatus").isNull() ? null
                : mine.get(0).get("webhookStatus").asString();
    }

    private List<String> kinds(PoolCast.User user, UUID lead) {
        return of(user, lead).stream().map(n -> n.get("kind").asString()).toList();
    }

    private List<JsonNode> of(PoolCast.User user, UUID lead) {
        Api.Response response = api().get("/api/notifications?size=200", user.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        response.json().get("content").forEach(n -> {
            if (lead.toString().equals(n.get("leadId").asString())) {
                found.add(n);
            }
        });
        return found;
    }
}
