package com.storecrm.crm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.notification.internal.HttpWebhookAdapter;
import com.storecrm.crm.notification.internal.WebhookTargets;
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

    private final HttpWebhookAdapter adapter = new HttpWebhookAdapter(Duration.ofMillis(500), new WebhookTargets(true));
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

    @Test
    void neverCallsAnInternalAddressUnlessTheOperatorAllowsIt() {
        HttpWebhookAdapter guarded = new HttpWebhookAdapter(Duration.ofMillis(500), new WebhookTargets(false));

        WebhookPort.Delivery delivery = guarded.deliver(at("/ok"), notification());

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.error()).startsWith("not sent").contains("internal address");
        assertThat(received.get()).as("the receiver was never called").isNull();
    }

    @Test
    void refusesEveryKindOfInternalTarget() {
        WebhookTargets targets = new WebhookTargets(false);
        for (String internal : java.util.List.of("http://127.0.0.1:8080/hook", "http://localhost/hook",
                "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/",
                "http://224.0.0.1/")) {
            assertThat(targets.refusal(URI.create(internal))).as(internal).isPresent();
        }
        assertThat(targets.refusal(URI.create("ftp://93.184.216.34/"))).isPresent();
        assertThat(targets.refusal(URI.create("http://93.184.216.34/hook"))).as("a public address").isEmpty();
        assertThat(targets.refusal(URI.create("https://[2606:2800:220:1::]/hook"))).as("a public v6 address").isEmpty();
        assertThat(new WebhookTargets(true).refusal(URI.create("http://127.0.0.1/"))).isEmpty();
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
