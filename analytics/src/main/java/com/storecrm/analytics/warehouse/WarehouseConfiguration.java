package com.storecrm.analytics.warehouse;

import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.ClickHouseSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

    /** The schema is applied before anything queries it; a service that cannot reach ClickHouse does not start. */
    @Bean
    ClickHouseHttp clickHouse(@Value("${platform.clickhouse.url}") String url,
                              @Value("${platform.clickhouse.user:}") String user,
                              @Value("${platform.clickhouse.password:}") String password) {
        ClickHouseHttp clickHouse = new ClickHouseHttp(url, user, password);
        ClickHouseSchema.migrate(clickHouse);
        return clickHouse;
    }
}
