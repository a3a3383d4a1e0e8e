package com.storecrm.analytics.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Opens a tenant's rows, every store of them, to the current transaction: the transaction-local
 * settings the row-level-security policies of the tenant tables check. The application role reads
 * nothing of a tenant table outside such a transaction, and the settings vanish at its end.
 */
final class AllStoresScope {

    private static final String SQL = "select set_config('app.tenant', ?, true), set_config('app.all_stores', 'on', true),"
            + " set_config('app.store_ids', '', true)";

    private AllStoresScope() {
    }

    static void apply(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, schema);
            statement.execute();
        }
    }
}
