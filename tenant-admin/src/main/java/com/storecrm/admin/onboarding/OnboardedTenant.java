package com.storecrm.admin.onboarding;

import java.util.List;
import java.util.UUID;

/** The answer to an onboarding request; the admin client's secret is only present the first time. */
public record OnboardedTenant(UUID id, String slug, String status, List<Subsidiary> subsidiaries, UUID adminUserId,
                              AdminClient adminClient) {

    public record Subsidiary(UUID id, String name, List<Store> stores) {
    }

    public record Store(UUID id, String name, String platform) {
    }

    public record AdminClient(String clientId, String clientSecret) {
    }
}
