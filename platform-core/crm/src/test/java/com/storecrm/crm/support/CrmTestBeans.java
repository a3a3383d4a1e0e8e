package com.storecrm.crm.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What every integration test adds to the service: a clock it can move, a record of published events and a hand on running imports. */
@TestConfiguration(proxyBeanMethods = false)
class CrmTestBeans {

    @Bean
    MovableClock clock() {
        return new MovableClock();
    }

    @Bean
    ImportChunkHook importChunkHook() {
        return new ImportChunkHook();
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }
}
