package com.storecrm.crm.leadimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Imports write their leads and creation history with one statement per chunk instead of through
 * the persistence context. A lead imported from a file must be stored exactly as the same lead
 * created through the API: every column of the lead and of its history entry, whatever columns the
 * table gains later, apart from those that identify it.
 */
class ImportedLeadRowsIT extends CrmIntegrationTest {

    // reads both rows whole, past the row-level security the application role is bound by
    private final JdbcClient bypassingRowSecurity = JdbcClient.create(new DriverManagerDataSource(DATABASE.jdbcUrl(),
            DATABASE.cdcUser(), DATABASE.cdcPassword()));

    @Test
    void anImportedLeadIsStoredExactlyAsTheSameLeadCreatedThroughTheApi() {
        StoreCast cast = new StoreCast(FIXTURES, TOKENS, "imported_rows");
        assertThat(api().post("/api/lead-fields", cast.admin.bearer(),
                Map.of("key", "palletType", "label", "Pallet type", "type", "TEXT")).status()).isEqualTo(201);
        Api.Response created = api().post("/api/leads", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                "name", "Twin by API", "company", "Twin Pallets", "phone", "+86 135 2222 0001",
                "email", "api@twin.example", "chatId", "twin-api", "region", "East", "industry", "Plastics",
                "source", "WEBSITE", "customFields", Map.of("palletType", "nestable")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        byte[] file = ("Name,Company,Mobile Phone,E-mail,WeChat,Region,Industry,Lead Source,Pallet type\r\n"
                + "Twin by import,Twin Pallets,+86 135 2222 0002,import@twin.example,twin-import,East,Plastics,WEBSITE,"
                + "nestable\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response upload = api().postMultipart("/api/lead-imports", cast.rep.bearer(),
                Map.of("storeId", cast.store1.toString()), "twin.csv", file);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        String importId = upload.json().get("id").asString();
        JsonNode done = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> api().get("/api/lead-imports/" + importId, cast.rep.bearer()).json(),
                        view -> List.of("COMPLETED", "FAILED").contains(view.get("status").asString()));
        assertThat(done.get("rowsWritten").asLong()).as(done.toString()).isEqualTo(1);
        UUID viaApi = UUID.fromString(created.json().get("id").asString());
        UUID viaImport = bypassingRowSecurity.sql("select lead_id from " + schema(cast) + ".lead_import_row"
                + " where import_id = :id").param("id", UUID.fromString(importId)).query(UUID.class).single();

        String identifying = " - 'id' - 'name' - 'phone' - 'phone_key' - 'email' - 'email_key' - 'chat_id'"
                + " - 'created_at' - 'updated_at'";
        assertThat(row(cast, "select cast(to_jsonb(l)" + identifying + " as text) from %s.lead l where id = :id", viaImport))
                .isEqualTo(row(cast, "select cast(to_jsonb(l)" + identifying + " as text) from %s.lead l where id = :id", viaApi))
                .contains("nestable", cast.rep.id().toString());
        String history = "select cast(to_jsonb(h) - 'id' - 'lead_id' - 'at' as text) from %s.lead_history h"
                + " where lead_id = :id";
        assertThat(row(cast, history, viaImport)).isEqualTo(row(cast, history, viaApi)).contains("CREATE");
        assertThat(bypassingRowSecurity.sql("select count(*) from " + schema(cast) + ".lead_history where lead_id in"
                + " (:ids)").param("ids", List.of(viaApi, viaImport)).query(Long.class).single())
                .as("one creation entry each").isEqualTo(2);
    }

    private String row(StoreCast cast, String query, UUID id) {
        return bypassingRowSecurity.sql(query.formatted(schema(cast))).param("id", id).query(String.class).single();
    }

    private static String schema(StoreCast cast) {
        return "tenant_" + cast.tenant.slug();
    }
}
