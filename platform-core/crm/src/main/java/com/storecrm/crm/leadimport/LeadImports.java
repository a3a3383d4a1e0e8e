package com.storecrm.crm.leadimport;

import com.storecrm.crm.campaign.Campaigns;
import com.storecrm.crm.lead.LeadFieldView;
import com.storecrm.crm.lead.LeadFields;
import com.storecrm.crm.lead.LeadIntake;
import com.storecrm.crm.lead.LeadSourceEntry;
import com.storecrm.crm.lead.LeadSources;
import com.storecrm.crm.leadimport.internal.HeaderMapping;
import com.storecrm.crm.leadimport.internal.ImportFile;
import com.storecrm.crm.leadimport.internal.ImportJobs;
import com.storecrm.crm.leadimport.internal.ImportRun;
import com.storecrm.crm.leadimport.internal.LeadImport;
import com.storecrm.crm.leadimport.internal.LeadImportFile;
import com.storecrm.crm.leadimport.internal.LeadImportFileRepository;
import com.storecrm.crm.leadimport.internal.LeadImportProperties;
import com.storecrm.crm.leadimport.internal.LeadImportRepository;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * File imports of leads (SPEC §3.9): an upload is checked at once (format, header, mapping,
 * defaults), kept in the tenant, and imported by a batch job in chunks; every row passes the lead
 * feature's own rules. The importer and the managers of the store follow it; anyone else gets a 404.
 */
@Service
public class LeadImports {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private final LeadImportRepository imports;
    private final LeadImportFileRepository files;
    private final ImportJobs jobs;
    private final LeadIntake intake;
    private final LeadFields fields;
    private final LeadSources sources;
    private final Campaigns campaigns;
    private final LeadImportProperties properties;
    private final TransactionTemplate transaction;

    LeadImports(LeadImportRepository imports, LeadImportFileRepository files, ImportJobs jobs, LeadIntake intake,
                LeadFields fields, LeadSources sources, Campaigns campaigns, LeadImportProperties properties,
                PlatformTransactionManager transactions) {
        this.imports = imports;
        this.files = files;
        this.jobs = jobs;
        this.intake = intake;
        this.fields = fields;
        this.sources = sources;
        this.campaigns = campaigns;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Checks and stores the file, then launches its import in the background. */
    public LeadImportView upload(UUID storeId, String fileName, byte[] content, String mappingJson, String defaultsJson) {
        TenantScope scope = intake.requireCreatorIn(storeId);
        ImportFile file;
        try {
            if (content == null || content.length == 0) {
                throw new ImportFile.Malformed("is empty");
            }
            file = ImportFile.read(ImportFile.formatOf(fileName), content, properties.maxRows());
        } catch (ImportFile.Malformed malformed) {
            throw ApiProblem.invalidField("file", malformed.getMessage());
        }
        Map<String, String> explicit = json("mapping", mappingJson);
        Map<String, String> defaults = json("defaults", defaultsJson);
        LeadImport upload = transaction.execute(status -> {
            Map<String, String> customFields = fields.list().stream()
                    .collect(Collectors.toMap(LeadFieldView::key, LeadFieldView::label, (a, b) -> a, LinkedHashMap::new));
            HeaderMapping mapping = HeaderMapping.resolve(file.header(), explicit, defaults, customFields);
            checkDefaults(storeId, defaults);
            LeadImport queued = imports.saveAndFlush(LeadImport.queue(storeId, fileName, file.format(),
                    JSON.writeValueAsString(file.header()), JSON.writeValueAsString(mapping.columns()),
                    JSON.writeValueAsString(mapping.defaults()), file.rows().size()));
            files.saveAndFlush(new LeadImportFile(queued, content));
            return queued;
        });
        jobs.start(ImportRun.of(scope, upload.id(), storeId));
        return status(upload.id());
    }

    public LeadImportView status(UUID id) {
        TenantScope scope = intake.requireCreator();
        return transaction.execute(status -> toView(visible(scope, id)));
    }

    /** The rejected rows as CSV: the row number in the file, the row's cells under the file's own header, the reason. */
    public byte[] rejectedReport(UUID id) {
        TenantScope scope = intake.requireCreator();
        return transaction.execute(status -> {
            LeadImport upload = visible(scope, id);
            List<String> header = JSON.readValue(upload.headerJson(), new TypeReference<List<String>>() { });
            StringBuilder csv = new StringBuilder("\uFEFF");
            csv.append(line(concat("row", header, "reason")));
            for (Object[] row : imports.rejectedRows(id)) {
                List<String> cells = JSON.readValue((String) row[1], new TypeReference<List<String>>() { });
                List<String> padded = new java.util.ArrayList<>(cells);
                while (padded.size() < header.size()) {
                    padded.add("");
                }
                csv.append(line(concat(String.valueOf(row[0]), padded, (String) row[2])));
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Continues a failed or dead import after its last committed chunk. */
    public LeadImportView restart(UUID id) {
        TenantScope scope = intake.requireCreator();
        LeadImport upload = transaction.execute(status -> visible(scope, id));
        if (upload.status() == LeadImportStatus.COMPLETED) {
            throw ApiProblem.conflict("the import completed");
        }
        if (upload.jobExecutionId() == null) {
            jobs.start(ImportRun.of(scope, upload.id(), upload.storeId()));
        } else {
            jobs.restart(upload.jobExecutionId());
        }
        return status(id);
    }

    private LeadImport visible(TenantScope scope, UUID id) {
        return imports.findById(id)
                .filter(upload -> scope.canSeeStore(upload.storeId()))
                .filter(upload -> scope.userId().equals(upload.getCreatedBy()) || intake.seesEveryLeadOfTheirStores(scope))
                .orElseThrow(() -> ApiProblem.notFound("lead import"));
    }

    private void checkDefaults(UUID storeId, Map<String, String> defaults) {
        String source = defaults.get("source");
        if (source != null && sources.list().stream().map(LeadSourceEntry::code).noneMatch(source::equals)) {
            throw ApiProblem.invalidField("defaults.source", "no such lead source");
        }
        String campaign = defaults.get("campaignId");
        if (campaign != null) {
            try {
                if (!campaigns.exists(storeId, UUID.fromString(campaign))) {
                    throw ApiProblem.invalidField("defaults.campaignId", "no such campaign in the store");
                }
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("defaults.campaignId", "must be a campaign id");
            }
        }
    }

    private static Map<String, String> json(String field, String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> values = JSON.readValue(json, STRINGS);
            return values == null ? Map.of() : new LinkedHashMap<>(values);
        } catch (JacksonException e) {
            throw ApiProblem.invalidField(field, "must be a JSON object of text values");
        }
    }

    private LeadImportView toView(LeadImport upload) {
        Map<String, String> mapping = JSON.readValue(upload.mappingJson(), STRINGS);
        return new LeadImportView(upload.id(), upload.storeId(), upload.fileName(), upload.status(), upload.totalRows(),
                upload.rowsRead(), upload.rowsAccepted(), upload.rowsRejected(), mapping, upload.failure(), upload.getCreatedAt(), upload.getCreatedBy(), upload.finishedAt());
    }

    private static List<String> concat(String first, List<String> middle, String last) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(middle);
        all.add(last);
        return all;
    }

    private static String line(List<String> cells) {
        return cells.stream().map(LeadImports::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quotes when needed and defuses what a spreadsheet would run as a formula, as the lead export does. */
    private static String csvCell(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=@\t\r".indexOf(cell.charAt(0)) >= 0
                || !cell.isEmpty() && (cell.charAt(0) == '+' || cell.charAt(0) == '-') && !cell.matches("[+0-9 ()-]*")) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
