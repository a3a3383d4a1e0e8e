package com.storecrm.bench;

import com.storecrm.bench.TrafficPlan.Kind;
import com.storecrm.bench.TrafficPlan.Slot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one lead request as a store integration would and checks the answer: a create must be
 * 201 with an id, a read must be 200 with the id asked for. Anything else counts as an error.
 * Latency runs from the request's scheduled time to the end of the answer.
 */
final class LeadTraffic {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_IN_ERROR = 300;

    /** A tenant as the traffic sees it: its admin token, its stores and the leads it created so far. */
    static final class Session {
        private final String slug;
        private final String bearer;
        private final List<String> storeIds;
        private final List<String> leadIds = new ArrayList<>();

        Session(String slug, String bearer, List<String> storeIds) {
            this.slug = slug;
            this.bearer = bearer;
            this.storeIds = List.copyOf(storeIds);
        }

        synchronized void created(String leadId) {
            leadIds.add(leadId);
        }

        /** A lead this tenant created earlier, or null before its first. */
        synchronized String anyLead() {
            return leadIds.isEmpty() ? null : leadIds.get(ThreadLocalRandom.current().nextInt(leadIds.size()));
        }

        synchronized int leads() {
            return leadIds.size();
        }

        String slug() {
            return slug;
        }
    }

    private final HttpClient http;
    private final String crmUrl;
    private final List<Session> sessions;
    private final AtomicLong leadNumber = new AtomicLong();

    LeadTraffic(HttpClient http, String crmUrl, List<Session> sessions) {
        this.http = http;
        this.crmUrl = crmUrl;
        this.sessions = List.copyOf(sessions);
    }

    int leadsKnown() {
        return sessions.stream().mapToInt(Session::leads).sum();
    }

    /** Sends the request of {@code slot}, which was due at {@code scheduledNanos}, and records the outcome. */
    void issue(Slot slot, long scheduledNanos, PhaseStats<Kind> stats) {
        Session session = sessions.get(slot.tenant());
        long sendAt = System.nanoTime();
        stats.sendDelay(sendAt - scheduledNanos);
        String readId = null;
        HttpRequest request;
        if (slot.kind() == Kind.CREATE) {
            request = create(session, slot.store());
        } else {
            readId = session.anyLead();
            if (readId == null) {
                stats.error(slot.kind(), "no lead to read yet", session.slug(), System.nanoTime());
                return;
            }
            request = HttpRequest.newBuilder(URI.create(crmUrl + "/api/leads/" + readId)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", session.bearer).header("Accept", "application/json").GET().build();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            stats.error(slot.kind(), "timeout", request.uri().toString(), System.nanoTime());
            return;
        } catch (IOException e) {
            stats.error(slot.kind(), "I/O " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()), System.nanoTime());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.error(slot.kind(), "interrupted", request.uri().toString(), System.nanoTime());
            return;
        }
        long done = System.nanoTime();
        int expected = slot.kind() == Kind.CREATE ? 201 : 200;
        if (response.statusCode() != expected) {
            stats.error(slot.kind(), "HTTP " + response.statusCode(), request.method() + " " + request.uri() + " -> "
                    + abbreviate(response.body()), done);
            return;
        }
        String id = idOf(response.body());
        if (id == null) {
            stats.error(slot.kind(), "answer without id", abbreviate(response.body()), done);
        } else if (readId != null && !readId.equals(id)) {
            stats.error(slot.kind(), "wrong lead", "asked for " + readId + ", got " + id, done);
        } else {
            if (readId == null) {
                session.created(id);
            }
            stats.success(slot.kind(), done - scheduledNanos, done);
        }
    }

    private HttpRequest create(Session session, int store) {
        long n = leadNumber.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", session.storeIds.get(store % session.storeIds.size()));
        body.put("name", "Bench Buyer " + n);
        body.put("company", "Bench Logistics " + (n % 997));
        body.put("phone", String.format(Locale.ROOT, "+86 138 %04d %04d", (n / 10_000) % 10_000, n % 10_000));
        return HttpRequest.newBuilder(URI.create(crmUrl + "/api/leads")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", session.bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static String idOf(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isString() ? id.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= MAX_BODY_IN_ERROR ? body : body.substring(0, MAX_BODY_IN_ERROR) + "...";
    }
}
