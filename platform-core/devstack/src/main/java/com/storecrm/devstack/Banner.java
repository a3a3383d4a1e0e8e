package com.storecrm.devstack;

import java.nio.file.Path;
import java.util.Map;

/** What a newcomer needs once the platform is up: where everything is and how to sign in. */
final class Banner {

    private Banner() {
    }

    static String text(ServiceProcess admin, ServiceProcess crm, ServiceProcess analytics, ServiceProcess cdc, String dbUrl,
                       String clickHouse, String operatorSecret, Map<String, String> logins, Path state) {
        StringBuilder people = new StringBuilder();
        logins.forEach((login, what) -> people.append(String.format("    %-28s %s%n", login, what)));
        return """

                ================================================================================
                 StoreCRM is running
                ================================================================================
                 tenant-admin (sign-in, operator API)  %1$s
                   login page                          %1$s/login
                   OpenID configuration                %1$s/.well-known/openid-configuration
                 crm (operational CRM API)             %2$s        API document: %2$s/v3/api-docs
                 analytics (Data Kanban API)           %3$s        API document: %3$s/v3/api-docs
                 PostgreSQL                            %4$s
                 ClickHouse                            %5$s
                 CDC job (Flink MiniCluster)           streams every tenant schema into ClickHouse; log %11$s
                   freshness                           %3$s/api/kanban/freshness (tenant token)

                 Operator API client:   platform-operator / %6$s   (scope platform.admin)
                 People of the demo tenant (password: %7$s):
                %8$s
                 Try it:
                   TOKEN=$(curl -s -u platform-operator:%6$s -d grant_type=client_credentials \\
                           %1$s/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   curl -H "Authorization: Bearer $TOKEN" %1$s/api/platform/tenants/%9$s

                 Logs: %10$s      Stop: Ctrl-C (state is kept for the next run)
                ================================================================================
                """.formatted(admin.url(), crm.url(), analytics.url(), dbUrl, clickHouse, operatorSecret,
                DemoTenant.PASSWORD, people, DemoTenant.SLUG, state.resolve("logs"), cdc.log());
    }
}
