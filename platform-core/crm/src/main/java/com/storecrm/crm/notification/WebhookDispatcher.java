package com.storecrm.crm.notification;

import com.storecrm.crm.notification.internal.HttpWebhookAdapter;
import com.storecrm.crm.notification.internal.WebhookTargets;
import com.storecrm.crm.notification.internal.NotificationRepository;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands stored notifications to the {@link WebhookPort} once their transaction committed, on a
 * thread of its own (never inside a database transaction), and records each outcome on the
 * notification. Without a configured address nothing is sent.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final NotificationRepository notifications;
    private final WebhookPort port;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    WebhookDispatcher(NotificationRepository notifications, Clock clock, PlatformTransactionManager transactions,
                      @Value("${crm.notifications.webhook.timeout:PT5S}") Duration timeout,
                      WebhookTargets targets) {
        this.notifications = notifications;
        this.port = new HttpWebhookAdapter(timeout, targets);
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    void afterCommit(TenantScope scope, List<UUID> stored) {
        if (stored.isEmpty()) {
            return;
        }
        TenantScope job = TenantScope.platformJob(scope.tenantId(), scope.tenantSlug(), scope.schema());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                senders.submit(() -> TenantContext.runAs(job, () -> send(stored)));
            }
        });
    }

    private void send(List<UUID> stored) {
        try {
            Optional<String> url = transaction.execute(status -> notifications.webhookUrl());
            if (url == null || url.isEmpty()) {
                return;
            }
            UUID tenant = TenantContext.require().tenantId();
            List<NotificationView> views = transaction.execute(status -> notifications.findByIdIn(stored).stream()
                    .map(n -> Notifications.view(tenant, n)).toList());
            for (NotificationView view : views) {
                WebhookPort.Delivery delivery = port.deliver(URI.create(url.get()), view);
                transaction.executeWithoutResult(status -> notifications.recordDelivery(view.id(),
                        delivery.delivered() ? "SENT" : "FAILED", delivery.error(), Instant.now(clock)));
            }
        } catch (RuntimeException e) {
            log.error("webhook delivery failed", e);
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
