package com.storecrm.crm.lead;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the lead jobs on a schedule; off where something else drives them (tests move a clock and call them). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "crm.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class LeadScheduling {
}
