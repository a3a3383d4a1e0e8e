package com.storecrm.crm.notification;

import com.storecrm.crm.notification.internal.Notification;
import com.storecrm.crm.notification.internal.NotificationRepository;
import com.storecrm.crm.notification.internal.WebhookTargets;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own in-app notifications, and the tenant's webhook address. */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final Clock clock;
    private final WebhookTargets targets;

    Notifications(NotificationRepository notifications, Clock clock, WebhookTargets targets) {
        this.notifications = notifications;
        this.clock = clock;
        this.targets = targets;
    }

    @Transactional(readOnly = true)
    public PageResponse<NotificationView> mine(boolean unreadOnly, int page, int size) {
        TenantScope scope = TenantContext.require();
        Pageable pageable = PageRequests.of(page, size, null, Map.of(),
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
        return PageRequests.response(unreadOnly ? notifications.findByRecipientIdAndReadAtIsNull(scope.userId(), pageable)
                : notifications.findByRecipientId(scope.userId(), pageable), n -> view(scope.tenantId(), n));
    }

    /** Marks one of the caller's notifications read; anyone else's is a 404. */
    @Transactional
    public NotificationView markRead(UUID id) {
        TenantScope scope = TenantContext.require();
        Notification notification = notifications.findById(id).filter(n -> n.recipientId().equals(scope.userId()))
                .orElseThrow(() -> ApiProblem.notFound("notification"));
        notification.markRead(Instant.now(clock));
        return view(scope.tenantId(), notification);
    }

    @Transactional(readOnly = true)
    public WebhookSetting webhook() {
        requireAdmin();
        return new WebhookSetting(notifications.webhookUrl().orElse(null));
    }

    @Transactional
    public WebhookSetting configureWebhook(WebhookSetting setting) {
        requireAdmin();
        if (setting.url() != null) {
            URI target;
            try {
                target = new URI(setting.url());
            } catch (URISyntaxException e) {
                throw ApiProblem.invalidField("url", "is not a valid URL");
            }
            targets.refusal(target).ifPresent(why -> {
                throw ApiProblem.invalidField("url", why);
            });
        }
        notifications.clearWebhook();
        if (setting.url() != null) {
            notifications.setWebhook(setting.url());
        }
        return setting;
    }

    private static void requireAdmin() {
        if (!TenantContext.require().has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator configures the webhook");
        }
    }

    static NotificationView view(UUID tenantId, Notification n) {
        return new NotificationView(n.id(), tenantId, n.storeId(), n.recipientId(), n.kind(), n.leadId(), n.poolId(),
                n.message(), n.createdAt(), n.readAt(), n.webhookStatus());
    }
}
