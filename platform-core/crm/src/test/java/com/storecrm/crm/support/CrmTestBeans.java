package com.storecrm.crm.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What every integration test adds to the service: a clock it can move and a record of published events. */
@TestConfiguration(proxyBeanMethods = false)
class CrmTestBeans {

    @Bean
    MovableClock clock() {
        return new MovableClock();
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }
}
