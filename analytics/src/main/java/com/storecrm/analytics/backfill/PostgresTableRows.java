package com.storecrm.analytics.backfill;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Pages of a tenant's table from PostgreSQL in id order, read as the application role with all stores open. */
@Component
class PostgresTableRows {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    PostgresTableRows(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Up to {@code limit} rows with an id after {@code afterId} (from the start when null). */
    List<TableRow> page(String schema, WarehouseTable table, String afterId, int limit) {
        String sql = "select " + table.columnList() + " from " + schema + "." + table.name()
                + (afterId == null ? "" : " where id > ?") + " order by id limit " + limit;
        return readOnly.execute(status -> {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                AllStoresScope.apply(connection, schema);
                return null;
            });
            return afterId == null
                    ? jdbc.query(sql, (rs, n) -> table.readPostgres(rs))
                    : jdbc.query(sql, (rs, n) -> table.readPostgres(rs), UUID.fromString(afterId));
        });
    }
}
