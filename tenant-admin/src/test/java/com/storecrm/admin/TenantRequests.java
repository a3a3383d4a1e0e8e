package com.storecrm.admin;

import java.util.List;
import java.util.Map;

/** Onboarding request bodies as an operator's script would send them. */
public final class TenantRequests {

    private TenantRequests() {
    }

    public static Map<String, Object> tenant(String slug) {
        return tenant(slug, "Pallet Co. " + slug, "admin-password");
    }

    public static Map<String, Object> tenant(String slug, String name, String adminPassword) {
        return Map.of("slug", slug, "name", name, "currency", "CNY",
                "subsidiaries", List.of(
                        Map.of("name", "North", "stores", List.of(Map.of("name", "North Tmall", "platform", "TMALL"),
                                Map.of("name", "North JD", "platform", "JD"))),
                        Map.of("name", "South", "stores", List.of(Map.of("name", "South 1688", "platform", "ALIBABA_1688"),
                                Map.of("name", "South WeChat", "platform", "WECHAT")))),
                "admin", Map.of("username", "admin", "displayName", "Tenant Admin", "password", adminPassword));
    }
}
