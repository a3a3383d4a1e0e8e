package com.storecrm.crm.leadimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storecrm.crm.leadimport.internal.ImportJobs;
import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.ImportChunkHook;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Lead imports end to end on the real database: exact counts and an exact rejected-rows report for
 * CSV and XLSX, progress while running, restarts after a failure and after a dead process that import
 * no row twice, and the isolation, role and input rules of the upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadImportIT extends CrmIntegrationTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final List<String> CHINESE = List.of("姓名", "公司", "手机", "邮箱", "来源");
    private static final List<String> ENGLISH = List.of("Name", "Company", "Mobile Phone", "E-mail", "Lead Source");

    @Autowired
    ImportChunkHook hook;

    @Autowired
    ImportJobs jobs;

    @Autowired
    JobRepository batch;

    private ProvisionedTenant tenant;
    private ProvisionedTenant other;
    private List<UUID> stores;
    private UUID managerId;
    private UUID repId;
    private UUID repOfStore2Id;
    private UUID financeId;
    // the ten-thousand-row imports outlast a token's five minutes: every request gets a fresh one
    private final JdbcClient bypassingRowSecurity = JdbcClient.create(new DriverManagerDataSource(DATABASE.jdbcUrl(),
            DATABASE.cdcUser(), DATABASE.cdcPassword()));

    @BeforeAll
    void aTenant() {
        tenant = FIXTURES.tenant("imports");
        other = FIXTURES.tenant("imports_other");
        stores = tenant.stores().stream().map(ProvisionedTenant.Store::id).toList();
        managerId = FIXTURES.user(tenant, "manager", PlatformRole.STORE_MANAGER, stores);
        repId = FIXTURES.user(tenant, "rep", PlatformRole.SALES_REP, List.of(stores.get(0)));
        repOfStore2Id = FIXTURES.user(tenant, "rep2", PlatformRole.SALES_REP, List.of(stores.get(1)));
        financeId = FIXTURES.user(tenant, "finance", PlatformRole.FINANCE, List.of(stores.get(0)));
    }

    @Test
    void importsTenThousandCsvRowsWithChineseHeadersRejectingExactlyTheBadRows() {
        importsTenThousandRows(stores.get(0), "CSV Lead", "leads.csv", files -> files.csv(CHINESE));
    }

    @Test
    void importsTenThousandXlsxRowsWithEnglishHeadersRejectingExactlyTheBadRows() {
        importsTenThousandRows(stores.get(1), "XLSX Lead", "leads.xlsx", files -> files.xlsx(ENGLISH));
    }

    private void importsTenThousandRows(UUID store, String tag, String fileName,
                                        java.util.function.Function<ImportFiles, byte[]> format) {
        ImportFiles files = new ImportFiles(tag, 0, 10_000, existingLeads(store, 10));

        Api.Response upload = upload(manager(), store, fileName, format.apply(files), Map.of());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        JsonNode done = awaitStatus(upload.json().get("id").asString(), "COMPLETED");

        assertThat(done.get("totalRows").asInt()).isEqualTo(10_000);
        assertThat(done.get("rowsRead").asLong()).isEqualTo(10_000);
        assertThat(done.get("rowsRejected").asLong()).isEqualTo(600);
        assertThat(done.get("rowsWritten").asLong()).isEqualTo(9_400);
        assertThat(leadsOf(store, tag + " ")).as("leads of the file in the store").isEqualTo(9_400);
        Map<Integer, List<String>> report = rejectedReport(done.get("id").asString());
        assertThat(report.keySet()).containsExactlyElementsOf(files.rejected.keySet());
        files.rejected.forEach((row, reason) -> {
            List<String> line = report.get(row);
            assertThat(line.get(line.size() - 1)).as("reason of row %d", row).contains(reason);
            assertThat(line.subList(1, 6)).as("cells of row %d", row).isEqualTo(files.rows.get(row - 2));
        });
    }

    @Test
    void showsProgressWhileRunningAndOnlyToTheImporterAndManagersOfTheStore() throws Exception {
        UUID store = stores.get(2);
        ImportFiles files = new ImportFiles("Progress", 0, 2_000, existingLeads(store, 3));
        var held = hook.holdNextAt(3);
        try {
            Api.Response upload = upload(manager(), store, "progress.csv", files.csv(ENGLISH), Map.of());
            assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
            String id = upload.json().get("id").asString();
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

            JsonNode running = api().get("/api/lead-imports/" + id, manager()).json();
            assertThat(running.get("status").asString()).isEqualTo("RUNNING");
            assertThat(running.get("rowsRead").asLong()).isEqualTo(1_000);
            assertThat(running.get("rowsWritten").asLong() + running.get("rowsRejected").asLong()).isEqualTo(1_000);

            assertThat(api().get("/api/lead-imports/" + id, rep()).status()).as("a rep who is not the importer").isEqualTo(404);
            assertThat(api().get("/api/lead-imports/" + id, repOfStore2()).status()).isEqualTo(404);
            assertThat(api().get("/api/lead-imports/" + id, otherAdmin()).status()).as("another tenant").isEqualTo(404);
            assertThat(api().post("/api/lead-imports/" + id + "/restart", otherAdmin(), Map.of()).status()).isEqualTo(404);
            assertThat(api().get("/api/lead-imports/" + id + "/rejected", repOfStore2()).status()).isEqualTo(404);
            assertThat(api().get("/api/lead-imports/" + id, finance()).status()).isEqualTo(403);
            assertThat(api().post("/api/lead-imports/" + id + "/restart", manager(), Map.of()).status())
                    .as("a running import is not restarted").isEqualTo(409);
        } finally {
            hook.letGo();
        }
    }

    @Test
    void aRunThatFailsMidWayAndIsRestartedEndsExactlyLikeAnUninterruptedOne() {
        UUID reference = stores.get(3);
        UUID interrupted = stores.get(0);
        ImportFiles files = new ImportFiles("Restarted", 100_000, 2_000, List.of());
        byte[] csv = files.csv(ENGLISH);
        JsonNode expected = awaitStatus(upload(manager(), reference, "reference.csv", csv, Map.of()).json()
                .get("id").asString(), "COMPLETED");

        hook.failNextAfter(2);
        String id = upload(rep(), interrupted, "interrupted.csv", csv, Map.of()).json().get("id").asString();
        JsonNode failed = awaitStatus(id, "FAILED");
        assertThat(failed.get("rowsRead").asLong()).as("only the first chunk committed").isEqualTo(500);

        Api.Response restart = api().post("/api/lead-imports/" + id + "/restart", rep(), Map.of());
        assertThat(restart.status()).as(restart.toString()).isEqualTo(202);
        JsonNode done = awaitStatus(id, "COMPLETED");

        assertSameOutcome(done, expected);
        assertThat(leadsOf(interrupted, "Restarted ")).as("no row imported twice").isEqualTo(files.accepted());
    }

    @Test
    void aRunOfADeadProcessIsRestartedAutomaticallyAndAReplayedChunkImportsNothingTwice() {
        UUID reference = stores.get(3);
        UUID interrupted = stores.get(1);
        ImportFiles files = new ImportFiles("Orphan", 200_000, 1_500, List.of());
        byte[] xlsx = files.xlsx(ENGLISH);
        JsonNode expected = awaitStatus(upload(manager(), reference, "reference2.xlsx", xlsx,
                Map.of("defaults", "{\"industry\":\"Printing\"}")).json().get("id").asString(), "COMPLETED");

        hook.failNextAfter(3);
        String id = upload(repOfStore2(), interrupted, "crashed.xlsx", xlsx,
                Map.of("defaults", "{\"industry\":\"Printing\"}")).json().get("id").asString();
        awaitStatus(id, "FAILED");
        looksLikeAProcessDiedHoldingIt(UUID.fromString(id));

        assertThat(jobs.restartOrphans()).hasSize(1);
        JsonNode done = awaitStatus(id, "COMPLETED");

        assertSameOutcome(done, expected);
        assertThat(leadsOf(interrupted, "Orphan ")).as("no row imported twice").isEqualTo(files.accepted());
    }

    @Test
    void refusesAnUnreadableFileOrAnUnknownMappingNamingTheField() {
        UUID store = stores.get(0);
        byte[] good = new ImportFiles("Refused", 300_000, 3, List.of()).csv(ENGLISH);
        assertInvalid(upload(manager(), store, "leads.txt", good, Map.of()), "file");
        assertInvalid(upload(manager(), store, "leads.csv", "Name,Phone\n\"Ann,139\n".getBytes(StandardCharsets.UTF_8),
                Map.of()), "file");
        assertInvalid(upload(manager(), store, "leads.xlsx", good, Map.of()), "file");
        assertInvalid(upload(manager(), store, "leads.csv", "Shoe size,Colour\n42,red\n".getBytes(StandardCharsets.UTF_8),
                Map.of()), "mapping");
        assertInvalid(upload(manager(), store, "leads.csv", good, Map.of("mapping", "{\"Nickname\":\"name\"}")),
                "mapping.Nickname");
        assertInvalid(upload(manager(), store, "leads.csv", good, Map.of("mapping", "{\"Company\":\"shoeSize\"}")),
                "mapping.Company");
        assertInvalid(upload(manager(), store, "leads.csv", good, Map.of("defaults", "{\"source\":\"TELEPATHY\"}")),
                "defaults.source");
        assertInvalid(upload(rep(), stores.get(1), "leads.csv", good, Map.of()), "storeId");
        assertThat(upload(finance(), store, "leads.csv", good, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void takesFilesOfSeveralMegabytesAndRefusesOnlyWhatIsAboveTheUploadLimit() {
        UUID store = stores.get(0);
        String longCompany = "x".repeat(3 * 1024 * 1024);
        byte[] large = ("Name,Company,Phone\nBig Row,\"" + longCompany + "\",13900000001\n").getBytes(StandardCharsets.UTF_8);
        Api.Response accepted = upload(manager(), store, "large.csv", large, Map.of());
        assertThat(accepted.status()).as("a 3 MB upload is taken: " + accepted.status()).isEqualTo(202);

        byte[] tooLarge = new byte[51 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'y');
        Api.Response refused = upload(manager(), store, "huge.csv", tooLarge, Map.of());
        assertThat(refused.status()).as("above the 50 MB limit").isEqualTo(413);
        assertThat(refused.body()).contains("status");
    }

    private void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.toString()).contains(field);
    }

    private void assertSameOutcome(JsonNode actual, JsonNode expected) {
        for (String count : List.of("totalRows", "rowsRead", "rowsWritten", "rowsRejected")) {
            assertThat(actual.get(count).asLong()).as(count).isEqualTo(expected.get(count).asLong());
        }
        assertThat(rejectedReport(actual.get("id").asString()))
                .isEqualTo(rejectedReport(expected.get("id").asString()));
    }

    /** What a killed process leaves behind: its run still recorded as started, and silent for long. */
    private void looksLikeAProcessDiedHoldingIt(UUID importId) {
        JdbcClient owner = JdbcClient.create(DATABASE.ownerDataSource());
        Long execution = bypassingRowSecurity.sql("select job_execution_id from tenant_" + tenant.slug() + ".lead_import where id = :id")
                .param("id", importId).query(Long.class).single();
        // the dead process had committed a chunk its recorded position does not show: the replay must skip it
        StepExecution step = batch.getJobExecution(execution).getStepExecutions().iterator().next();
        assertThat(step.getExecutionContext().getInt("rows.read.count")).isEqualTo(1_000);
        step.getExecutionContext().putInt("rows.read.count", 500);
        batch.updateExecutionContext(step);
        owner.sql("""
                update public.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null,
                  last_updated = timestamp '2000-01-01 00:00' where job_execution_id = :id""")
                .param("id", execution).update();
        owner.sql("""
                update public.batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null,
                  last_updated = timestamp '2000-01-01 00:00' where job_execution_id = :id""")
                .param("id", execution).update();
    }

    private List<String> existingLeads(UUID store, int count) {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = "+86 150 " + String.format("%08d", i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("storeId", store.toString());
            body.put("name", "Existing " + i);
            body.put("phone", phone);
            Api.Response created = api().post("/api/leads", manager(), body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            phones.add(phone);
        }
        return phones;
    }

    private long leadsOf(UUID store, String namePrefix) {
        return bypassingRowSecurity.sql("select count(*) from tenant_" + tenant.slug() + ".lead where store_id = :store and name like :prefix")
                .param("store", store).param("prefix", namePrefix + "%").query(Long.class).single();
    }

    private Api.Response upload(String token, UUID store, String fileName, byte[] content, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("storeId", store.toString());
        fields.putAll(extra);
        return api().postMultipart("/api/lead-imports", token, fields, fileName, content);
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> api().get("/api/lead-imports/" + id, manager()).json(),
                        view -> status.equals(view.get("status").asString()));
    }

    private Map<Integer, List<String>> rejectedReport(String id) {
        Api.Response response = api().get("/api/lead-imports/" + id + "/rejected", manager());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<List<String>> records = ImportFiles.parseCsv(response.body());
        assertThat(records.get(0).get(0)).isEqualTo("row");
        Map<Integer, List<String>> byRow = new TreeMap<>();
        records.subList(1, records.size()).forEach(r -> byRow.put(Integer.parseInt(r.get(0)), r));
        return byRow;
    }

    private String manager() {
        return TOKENS.forUser(tenant.slug(), managerId).bearer();
    }

    private String rep() {
        return TOKENS.forUser(tenant.slug(), repId).bearer();
    }

    private String repOfStore2() {
        return TOKENS.forUser(tenant.slug(), repOfStore2Id).bearer();
    }

    private String finance() {
        return TOKENS.forUser(tenant.slug(), financeId).bearer();
    }

    private String otherAdmin() {
        return TOKENS.forUser(other.slug(), other.adminUserId()).bearer();
    }
}
