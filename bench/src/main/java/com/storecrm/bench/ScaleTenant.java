package com.storecrm.bench;

import com.storecrm.devstack.PlatformClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A tenant of the lead-scale benchmarks: onboarded through the operator API, its admin token, users
 * created through the tenant API each with an API client of their own (so every simulated person
 * sends their own token), and owner-role SQL inside the tenant's row-level-security scope for seeding
 * and for checking results.
 */
final class ScaleTenant {

    /** A user of the tenant and the bearer token their API client got. */
    record User(UUID id, String bearer) {
    }

    private final BenchPlatform platform;
    private final BenchTenant tenant;
    private final String schema;
    private final String adminBearer;
    private final UUID adminId;

    private ScaleTenant(BenchPlatform platform, BenchTenant tenant, String schema, String adminBearer, UUID adminId) {
        this.platform = platform;
        this.tenant = tenant;
        this.schema = schema;
        this.adminBearer = adminBearer;
        this.adminId = adminId;
    }

    static ScaleTenant of(BenchPlatform platform, BenchTenant tenant) {
        String bearer = PlatformClient.clientCredentialsToken(platform.tenantAdminUrl(), tenant.clientId(),
                tenant.clientSecret());
        try (Connection connection = platform.database().ownerDataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select t.schema_name, u.id from public.tenant t join public.app_user u on u.tenant_id = t.id
                     where t.slug = ? and u.username = 'admin'""")) {
            query.setString(1, tenant.slug());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("tenant " + tenant.slug() + " is not in the catalog");
                }
                return new ScaleTenant(platform, tenant, row.getString(1), bearer, row.getObject(2, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tenant " + tenant.slug() + " from the catalog: " + e.getMessage(), e);
        }
    }

    String slug() {
        return tenant.slug();
    }

    String schema() {
        return schema;
    }

    List<UUID> stores() {
        return tenant.storeIds().stream().map(UUID::fromString).toList();
    }

    User admin() {
        return new User(adminId, adminBearer);
    }

    /** {@code count} users of one role, {@code prefix1}... in the given stores, each with a token of their own. */
    List<User> users(String prefix, int count, String role, List<UUID> stores) {
        ScaleApi admin = new ScaleApi(platform.tenantAdminUrl());
        List<User> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", prefix + i);
            body.put("displayName", "Bench " + prefix + " " + i);
            body.put("password", "bench-password");
            body.put("roles", List.of(role));
            body.put("storeIds", stores.stream().map(UUID::toString).toList());
            UUID id = UUID.fromString(admin.postOrFail("create user " + prefix + i, "/api/tenant/users", adminBearer, body, 201)
                    .get("id").asString());
            var client = admin.postOrFail("API client of " + prefix + i, "/api/tenant/api-clients", adminBearer,
                    Map.of("userId", id.toString()), 201);
            users.add(new User(id, PlatformClient.clientCredentialsToken(platform.tenantAdminUrl(),
                    client.get("clientId").asString(), client.get("clientSecret").asString())));
        }
        return users;
    }

    /** A connection of the schema owner scoped to this tenant and all its stores; not auto-committing. */
    Connection owner() throws SQLException {
        DataSource owner = platform.database().ownerDataSource();
        Connection connection = owner.getConnection();
        connection.setAutoCommit(false);
        scope(connection);
        return connection;
    }

    /** (Re)applies the tenant scope; its settings are transaction-local, so every transaction needs it. */
    void scope(Connection connection) throws SQLException {
        try (PreparedStatement scope = connection.prepareStatement(
                "select set_config('app.tenant', ?, true), set_config('app.all_stores', 'on', true)")) {
            scope.setString(1, schema);
            scope.execute();
        }
    }

    /** One number from a query in the tenant's scope, e.g. a count for a check after a run. */
    long number(String sql, Object... parameters) {
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long value = row.getLong(1);
                connection.commit();
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
