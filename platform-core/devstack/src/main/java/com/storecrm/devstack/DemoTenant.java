package com.storecrm.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The demo tenant of the local platform, created through the public APIs exactly as a customer's
 * onboarding would be: two subsidiaries with two stores each on different platforms, a tenant
 * admin, an HQ manager heading the sales department, and per subsidiary a sub-department headed by
 * its store manager with two sales reps (whose superior the manager is) who own some leads.
 * Its logins are kept in the state folder so a second run reuses them.
 */
final class DemoTenant {

    static final String SLUG = "demo_pallets";
    static final String PASSWORD = "demo-password";

    private DemoTenant() {
    }

    /** The people who can sign in, as {@code username@tenant -> role and stores}. */
    static Map<String, String> ensure(Path stateDir, String tenantAdminUrl, String crmUrl, String operatorSecret) {
        Path saved = stateDir.resolve("demo-logins.json");
        if (Files.exists(saved)) {
            return read(saved);
        }
        String operator = PlatformClient.clientCredentialsToken(tenantAdminUrl, "platform-operator", operatorSecret);
        JsonNode tenant = PlatformClient.post(tenantAdminUrl + "/api/platform/tenants", operator, Map.of(
                "slug", SLUG, "name", "Demo Plastic Pallets Group", "currency", "CNY",
                "subsidiaries", List.of(
                        Map.of("name", "Shanghai Pallet Co.", "stores", List.of(
                                Map.of("name", "Tmall flagship", "platform", "TMALL"),
                                Map.of("name", "JD store", "platform", "JD"))),
                        Map.of("name", "Ningbo Plastics", "stores", List.of(
                                Map.of("name", "1688 shop", "platform", "ALIBABA_1688"),
                                Map.of("name", "WeChat mini-shop", "platform", "WECHAT")))),
                "admin", Map.of("username", "admin", "displayName", "Demo Admin", "password", PASSWORD)), 201, 200);
        if (tenant.get("adminClient").get("clientSecret").isNull()) {
            throw new IllegalStateException("the demo tenant exists but an earlier run did not finish seeding it;"
                    + " stop the platform, delete " + stateDir + " and run again");
        }
        String admin = PlatformClient.clientCredentialsToken(tenantAdminUrl,
                tenant.get("adminClient").get("clientId").asString(), tenant.get("adminClient").get("clientSecret").asString());
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put("admin@" + SLUG, "tenant administrator, all stores");
        String hq = user(tenantAdminUrl, admin, "hq.manager", "HQ Manager", List.of("HQ_MANAGER"), List.of(), null);
        logins.put("hq.manager@" + SLUG, "HQ manager, all stores");
        String sales = department(crmUrl, admin, "Sales", null, hq);
        int subsidiaryNumber = 0;
        for (JsonNode subsidiary : tenant.get("subsidiaries")) {
            subsidiaryNumber++;
            List<String> stores = new ArrayList<>();
            subsidiary.get("stores").forEach(store -> stores.add(store.get("id").asString()));
            String manager = user(tenantAdminUrl, admin, "manager" + subsidiaryNumber, "Store Manager " + subsidiaryNumber,
                    List.of("STORE_MANAGER"), stores, null);
            logins.put("manager" + subsidiaryNumber + "@" + SLUG, "store manager, " + subsidiary.get("name").asString());
            String department = department(crmUrl, admin, "Sales " + subsidiary.get("name").asString(), sales, manager);
            List<String> members = new ArrayList<>(List.of(manager));
            for (int rep = 0; rep < 2; rep++) {
                String username = "rep" + subsidiaryNumber + (char) ('a' + rep);
                String store = stores.get(rep % stores.size());
                String repId = user(tenantAdminUrl, admin, username, "Sales Rep " + username, List.of("SALES_REP"),
                        List.of(store), manager);
                members.add(repId);
                logins.put(username + "@" + SLUG, "sales rep, " + subsidiary.get("stores").get(rep % stores.size()).get("name").asString());
                JsonNode client = PlatformClient.post(tenantAdminUrl + "/api/tenant/api-clients", admin, Map.of("userId", repId), 201);
                String repToken = PlatformClient.clientCredentialsToken(tenantAdminUrl, client.get("clientId").asString(),
                        client.get("clientSecret").asString());
                for (int lead = 1; lead <= 5; lead++) {
                    PlatformClient.post(crmUrl + "/api/leads", repToken, Map.of("storeId", store,
                            "name", "Buyer " + lead + " of " + username, "company", "Logistics Partner " + subsidiaryNumber + rep + lead,
                            "phone", "+86 138 " + subsidiaryNumber + rep + "00 00" + lead, "source", lead % 2 == 0 ? "EXHIBITION" : "REFERRAL"),
                            201);
                }
            }
            PlatformClient.post(crmUrl + "/api/departments/" + department + "/members", admin,
                    Map.of("userIds", members), 200);
        }
        write(saved, logins);
        return logins;
    }

    private static String department(String crmUrl, String admin, String name, String parent, String head) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "headId", head));
        if (parent != null) {
            body.put("parentId", parent);
        }
        return PlatformClient.post(crmUrl + "/api/departments", admin, body, 201).get("id").asString();
    }

    private static String user(String url, String admin, String username, String displayName, List<String> roles,
                               List<String> stores, String superior) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "displayName", displayName,
                "password", PASSWORD, "roles", roles, "storeIds", stores));
        if (superior != null) {
            body.put("superiorId", superior);
        }
        return PlatformClient.post(url + "/api/tenant/users", admin, body, 201).get("id").asString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> read(Path file) {
        try {
            return PlatformClient.JSON.readValue(Files.readString(file), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Map<String, String> logins) {
        try {
            Files.writeString(file, PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(logins));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
