package com.storecrm.analytics.kanban;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/kanban")
class KanbanController {

    private final KanbanQueries queries;

    KanbanController(KanbanQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/freshness")
    Freshness freshness() {
        return queries.freshness();
    }

    @GetMapping("/leads")
    List<LeadCount> leads(@RequestParam(required = false) List<UUID> storeIds) {
        return queries.leadsByStoreAndStatus(storeIds);
    }
}
