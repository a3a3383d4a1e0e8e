package com.storecrm.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.notification.internal.HttpWebhookAdapter;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default webhook adapter against a real local HTTP server. */
class HttpWebhookAdapterTests {

    private final HttpWebhookAdapter adapter = new HttpWebhookAdapter(Duration.ofMillis(500));
    private final AtomicReference<String> received = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/ok", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void postsTheNotificationAsJson() {
        NotificationView notification = notification();

        WebhookPort.Delivery delivery = adapter.deliver(at("/ok"), notification);

        assertThat(delivery.delivered()).isTrue();
        assertThat(received.get()).contains("\"kind\":\"CLAIMED\"").contains(notification.leadId().toString())
                .endsWith("application/json");
    }

    @Test
    void reportsAFailingReceiver() {
        WebhookPort.Delivery delivery = adapter.deliver(at("/broken"), notification());

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.error()).contains("500");
    }

    @Test
    void givesUpOnAReceiverThatDoesNotAnswerInTime() {
        Instant before = Instant.now();

        WebhookPort.Delivery delivery = adapter.deliver(at("/slow"), notification());

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.error()).containsIgnoringCase("timeout");
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    private URI at(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    private static NotificationView notification() {
        return new NotificationView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                NotificationKind.CLAIMED, UUID.randomUUID(), UUID.randomUUID(), "A lead of your pool was claimed",
                Instant.now(), null, null);
    }
}
