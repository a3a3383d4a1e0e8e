package com.storecrm.crm.pool;

import com.storecrm.crm.lead.LeadStatus;
import com.storecrm.crm.lead.LeadView;
import com.storecrm.tenancy.web.PageResponse;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/lead-pools")
@Tag(name = "Lead pools")
class LeadPoolController {

    private final LeadPools pools;
    private final PoolOperations operations;

    LeadPoolController(LeadPools pools, PoolOperations operations) {
        this.pools = pools;
        this.operations = operations;
    }

    @PostMapping
    @Operation(summary = "Create a lead pool of a store (tenant administrator)")
    ResponseEntity<LeadPoolView> create(@Valid @RequestBody NewLeadPool request) {
        LeadPoolView created = pools.create(request);
        return ResponseEntity.created(URI.create("/api/lead-pools/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "The lead pools of the caller's stores")
    List<LeadPoolView> list() {
        return pools.list();
    }

    @GetMapping("/{id}")
    LeadPoolView get(@PathVariable UUID id) {
        return pools.get(id);
    }

    @GetMapping("/{id}/leads")
    @Operation(summary = "The pool's leads (Unassigned unless statuses are given), for its people and managers")
    PageResponse<LeadView> leads(@PathVariable UUID id, @RequestParam(required = false) List<LeadStatus> status,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return pools.leads(id, status, page, size);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim Unassigned leads of a claimable pool (members)", description = "200 with the claimed "
            + "leads and every refused one with its reason; a request for one lead that is refused is a 409 "
            + "(404 when it is not a lead of the pool).")
    ClaimResult claim(@PathVariable UUID id, @Valid @RequestBody PoolBatch batch) {
        return operations.claim(id, batch);
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign leads to a member of the pool (pool administrators)")
    PoolBatchResult assign(@PathVariable UUID id, @Valid @RequestBody AssignBatch batch) {
        return operations.assign(id, batch);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Move leads, or without leadIds the whole pool, to another pool of the store (pool administrators)")
    PoolBatchResult transfer(@PathVariable UUID id, @Valid @RequestBody TransferBatch batch) {
        return operations.transfer(id, batch);
    }

    @PostMapping("/{id}/reclaim")
    @Operation(summary = "Take leads back from their owners into the pool (pool administrators)")
    PoolBatchResult reclaim(@PathVariable UUID id, @Valid @RequestBody PoolBatch batch) {
        return operations.reclaim(id, batch);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return leads to the pool (owner, read/write team, managers)", description = "reason: a code "
            + "of the tenant's return reasons, required when the tenant requires one.")
    PoolBatchResult returnLeads(@PathVariable UUID id, @Valid @RequestBody PoolBatch batch) {
        return operations.returnLeads(id, batch);
    }

    @GetMapping("/return-reasons")
    ReturnReasons returnReasons() {
        return pools.returnReasons();
    }

    @PutMapping("/return-reasons")
    @Operation(summary = "Configure the return reasons and whether a return needs one (tenant administrator)")
    ReturnReasons configureReturnReasons(@Valid @RequestBody ReturnReasons reasons) {
        return pools.configureReturnReasons(reasons);
    }
}
