package com.storecrm.crm.notification;

import com.storecrm.crm.notification.internal.WebhookTargets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebhookConfiguration {

    /** Private and loopback receivers only where the operator says so (local development and tests). */
    @Bean
    WebhookTargets webhookTargets(@Value("${crm.notifications.webhook.allow-private-addresses:false}") boolean allowPrivate) {
        return new WebhookTargets(allowPrivate);
    }
}
