package com.storecrm.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls of the lead-scale benchmarks, as a store integration or a user's browser makes
 * them: JSON with a bearer token, a multipart upload, and the answer's status and body kept whole
 * for the caller to check.
 */
final class ScaleApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** An answer: status and body, the body parsed on demand. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + abbreviated(), e);
            }
        }

        String abbreviated() {
            return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
        }
    }

    private final HttpClient http;
    private final String baseUrl;

    ScaleApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    Answer get(String path, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("Authorization", bearer)
                .header("Accept", "application/json").GET().build());
    }

    Answer post(String path, String bearer, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** {@code multipart/form-data}: one file part and text parts. */
    Answer upload(String path, String bearer, String fileName, byte[] file, String... textParts)
            throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
        for (int i = 0; i + 1 < textParts.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + textParts[i]
                    + "\"\r\n\r\n" + textParts[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("Authorization", bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Like {@link #post} for setup steps, which must succeed: the answer's JSON, or an exception naming the step. */
    JsonNode require(String what, Answer answer, int expected) {
        if (answer.status() != expected) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.abbreviated());
        }
        return answer.json();
    }

    JsonNode postOrFail(String what, String path, String bearer, Object body, int expected) {
        try {
            return require(what, post(path, bearer, body), expected);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
