package com.storecrm.crm.salesprocess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sales-processes")
@Tag(name = "Sales processes")
class SalesProcessController {

    private final SalesProcessService processes;

    SalesProcessController(SalesProcessService processes) {
        this.processes = processes;
    }

    @PostMapping
    @Operation(summary = "Define a sales process (tenant administrator)", description = "Stages in order, "
            + "probability as a fraction (0.4 = 40 %).")
    ResponseEntity<SalesProcessView> create(@Valid @RequestBody NewSalesProcess request) {
        SalesProcessView created = processes.create(request);
        return ResponseEntity.created(URI.create("/api/sales-processes/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    SalesProcessView get(@PathVariable UUID id) {
        return processes.get(id);
    }

    @GetMapping
    List<SalesProcessView> list() {
        return processes.list();
    }
}
