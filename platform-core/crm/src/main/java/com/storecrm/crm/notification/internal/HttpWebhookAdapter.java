package com.storecrm.crm.notification.internal;

import com.storecrm.crm.notification.NotificationView;
import com.storecrm.crm.notification.WebhookPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default webhook: POSTs the notification as JSON and counts any 2xx as delivered. Every
 * request is bounded by the timeout, so a slow receiver cannot hold the CRM's threads, and goes
 * only to addresses {@link WebhookTargets} allows; redirects are not followed.
 */
public class HttpWebhookAdapter implements WebhookPort {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;
    private final WebhookTargets targets;

    public HttpWebhookAdapter(Duration timeout, WebhookTargets targets) {
        this.timeout = timeout;
        this.targets = targets;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Delivery deliver(URI target, NotificationView notification) {
        // checked again on every delivery: the address may have been stored before the guard, or its DNS changed
        Optional<String> refused = targets.refusal(target);
        if (refused.isPresent()) {
            return Delivery.failed("not sent: " + refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(notification))).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Delivery.ok()
                    : Delivery.failed("the receiver answered " + response.statusCode());
        } catch (IOException e) {
            return Delivery.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted");
        }
    }
}
