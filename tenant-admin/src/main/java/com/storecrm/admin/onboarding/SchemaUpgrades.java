package com.storecrm.admin.onboarding;

import com.storecrm.tenancy.catalog.TenantProvisioning;
import com.storecrm.tenancy.catalog.TenantSchemaMigrations;
import com.storecrm.tenancy.catalog.TenantStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Brings every existing tenant schema (active and suspended) to the latest tenant migration. One
 * tenant's failure is reported and does not stop the others; Flyway's lock on each schema's history
 * makes concurrent runs from several tenant-admin replicas safe.
 */
@Service
public class SchemaUpgrades {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgrades.class);

    private final TenantProvisioning provisioning;
    private final TenantSchemaMigrations migrations;

    SchemaUpgrades(TenantProvisioning provisioning, TenantSchemaMigrations migrations) {
        this.provisioning = provisioning;
        this.migrations = migrations;
    }

    public SchemaUpgradeReport upgradeAll() {
        String latest = migrations.latestVersion();
        List<String> slugs = new ArrayList<>(provisioning.slugsInStatus(TenantStatus.ACTIVE));
        slugs.addAll(provisioning.slugsInStatus(TenantStatus.SUSPENDED));
        List<SchemaUpgradeReport.TenantUpgrade> tenants = new ArrayList<>();
        for (String slug : slugs.stream().sorted().toList()) {
            tenants.add(upgrade(slug));
        }
        SchemaUpgradeReport report = SchemaUpgradeReport.of(latest, tenants);
        log.info("tenant schema upgrade to version {}: {} upgraded, {} up to date, {} failed", latest,
                report.upgraded(), report.upToDate(), report.failed());
        return report;
    }

    private SchemaUpgradeReport.TenantUpgrade upgrade(String slug) {
        String schema = "tenant_" + slug;
        String from = migrations.currentVersion(schema).orElse(null);
        try {
            String to = migrations.migrate(schema);
            return new SchemaUpgradeReport.TenantUpgrade(slug, from, to,
                    Objects.equals(from, to) ? SchemaUpgradeReport.Outcome.UP_TO_DATE : SchemaUpgradeReport.Outcome.UPGRADED,
                    null);
        } catch (FlywayException e) {
            log.error("upgrading the schema of tenant {} failed", slug, e);
            return new SchemaUpgradeReport.TenantUpgrade(slug, from, migrations.currentVersion(schema).orElse(null),
                    SchemaUpgradeReport.Outcome.FAILED, e.getMessage());
        }
    }
}
