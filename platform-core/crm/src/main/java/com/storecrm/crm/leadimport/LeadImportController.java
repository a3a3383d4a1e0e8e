package com.storecrm.crm.leadimport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Lead imports")
class LeadImportController {

    private final LeadImports imports;

    LeadImportController(LeadImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/lead-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import leads from a CSV or XLSX file", description = "Parts: file, storeId, optional mapping "
            + "(JSON {column: leadField}; fields name, company, phone, email, chatId, region, industry, source, "
            + "campaignId, customFields.<key>; an empty field ignores the column) and defaults (JSON {leadField: value} "
            + "for empty cells). Columns are matched by header in English or Chinese otherwise. 202 while the import "
            + "runs; 400 naming file, mapping.<column> or defaults.<field> for a file that cannot be imported.")
    ResponseEntity<LeadImportView> upload(@RequestPart("file") MultipartFile file, @RequestParam UUID storeId,
                                          @RequestParam(required = false) String mapping,
                                          @RequestParam(required = false) String defaults) {
        LeadImportView started;
        try {
            started = imports.upload(storeId, file.getOriginalFilename(), file.getBytes(), mapping, defaults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.accepted().location(URI.create("/api/lead-imports/" + started.id())).body(started);
    }

    @GetMapping("/api/lead-imports/{id}")
    @Operation(summary = "An import's status and progress", description = "404 for anyone but the importer and the "
            + "managers of its store.")
    LeadImportView status(@PathVariable UUID id) {
        return imports.status(id);
    }

    @GetMapping("/api/lead-imports/{id}/rejected")
    @Operation(summary = "The rejected rows as CSV", description = "Columns: row (the row number in the file, the "
            + "header being row 1), the file's own columns, reason.")
    ResponseEntity<byte[]> rejected(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rejected-" + id + ".csv").build().toString())
                .body(imports.rejectedReport(id));
    }

    @PostMapping("/api/lead-imports/{id}/restart")
    @Operation(summary = "Restart a failed import", description = "Continues after the last committed chunk; rows "
            + "already imported are not imported again. 409 while it runs or once it completed.")
    ResponseEntity<LeadImportView> restart(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(imports.restart(id));
    }
}
