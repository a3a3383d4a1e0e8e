package com.storecrm.crm.notification;

import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first")
    PageResponse<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unread,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        return notifications.mine(unread, page, size);
    }

    @PostMapping("/{id}/read")
    NotificationView markRead(@PathVariable UUID id) {
        return notifications.markRead(id);
    }

    @GetMapping("/webhook")
    WebhookSetting webhook() {
        return notifications.webhook();
    }

    @PutMapping("/webhook")
    @Operation(summary = "Set or clear the address every notification of the tenant is posted to (tenant administrator)")
    WebhookSetting configureWebhook(@Valid @RequestBody WebhookSetting setting) {
        return notifications.configureWebhook(setting);
    }
}
