package com.storecrm.analytics.backfill;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** PostgreSQL's current WAL position as the integer the change-data-capture job uses as row version. */
@Component
class WalPosition {

    private final JdbcClient jdbc;

    WalPosition(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    long current() {
        return jdbc.sql("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint").query(Long.class).single();
    }
}
