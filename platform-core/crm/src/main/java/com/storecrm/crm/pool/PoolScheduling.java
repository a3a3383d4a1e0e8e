package com.storecrm.crm.pool;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the pool timeout job on a schedule; off where tests move a clock and run it themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "crm.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class PoolScheduling {
}
