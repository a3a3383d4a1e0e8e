package com.storecrm.admin.onboarding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Housekeeping before tenant-admin takes traffic: an onboarding interrupted by a crash leaves a
 * PROVISIONING tenant, which is cleaned up; tenant schemas created by an older version are brought
 * to the latest tenant migration (unless {@code platform.admin.upgrade-schemas-at-start} is off).
 */
@Component
class StartupHousekeeping {

    private final Onboarding onboarding;
    private final SchemaUpgrades upgrades;
    private final boolean upgradeAtStart;

    StartupHousekeeping(Onboarding onboarding, SchemaUpgrades upgrades,
                           @Value("${platform.admin.upgrade-schemas-at-start:true}") boolean upgradeAtStart) {
        this.onboarding = onboarding;
        this.upgrades = upgrades;
        this.upgradeAtStart = upgradeAtStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        onboarding.discardStaleOnboardings();
        if (upgradeAtStart) {
            upgrades.upgradeAll();
        }
    }
}
