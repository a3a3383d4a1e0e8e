package com.storecrm.admin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against tenant-admin: the token endpoint, the operator API and the tenant API. */
public final class AdminApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String operatorSecret;

    /** A JWT's claims, read without verifying the signature (the server verifies tokens, tests read them). */
    public static JsonNode claimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("a signed JWT has three parts: " + jwt);
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    AdminApi(int port, String operatorSecret) {
        this.port = port;
        this.operatorSecret = operatorSecret;
    }

    public String operatorToken() {
        return "Bearer " + token("platform-operator", operatorSecret).json().get("access_token").asString();
    }

    /** Client credentials with HTTP Basic client authentication. */
    public Response token(String clientId, String secret) {
        return token(clientId, secret, Map.of());
    }

    public Response token(String clientId, String secret, Map<String, String> extra) {
        List<String> form = new ArrayList<>(List.of("grant_type=client_credentials"));
        extra.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))));
    }

    /** A form post with HTTP Basic client authentication (revocation, introspection). */
    public Response form(String path, String clientId, String secret, String body) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response form(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path, String authorization) {
        return send(auth(HttpRequest.newBuilder(uri(path)), authorization).GET());
    }

    public Response delete(String path, String authorization) {
        return send(auth(HttpRequest.newBuilder(uri(path)), authorization).DELETE());
    }

    public Response post(String path, String authorization, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(auth(HttpRequest.newBuilder(uri(path)), authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String authorization, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(auth(HttpRequest.newBuilder(uri(path)), authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public String bearerOf(Response tokenResponse) {
        return "Bearer " + tokenResponse.json().get("access_token").asString();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder builder, String authorization) {
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
