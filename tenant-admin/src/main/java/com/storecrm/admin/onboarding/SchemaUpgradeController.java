package com.storecrm.admin.onboarding;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: run the tenant migrations across every tenant (also done at every start). */
@RestController
class SchemaUpgradeController {

    private final SchemaUpgrades upgrades;

    SchemaUpgradeController(SchemaUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    @PostMapping("/api/platform/schema-upgrades")
    SchemaUpgradeReport upgradeAll() {
        return upgrades.upgradeAll();
    }
}
