package com.storecrm.admin.onboarding;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An onboarding interrupted by a crash leaves a PROVISIONING tenant; clean those up at start. */
@Component
class StaleOnboardingCleanup {

    private final Onboarding onboarding;

    StaleOnboardingCleanup(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @EventListener(ApplicationReadyEvent.class)
    void discardStale() {
        onboarding.discardStaleOnboardings();
    }
}
