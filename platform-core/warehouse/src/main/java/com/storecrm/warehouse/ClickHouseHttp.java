package com.storecrm.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * ClickHouse over its HTTP interface, with no dependencies so both the Spring services and the
 * Flink job can use it. Never asks for compressed responses: HTTP compression is broken on 18.16.
 */
public final class ClickHouseHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String authorization;

    public ClickHouseHttp(String url, String user, String password) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = user == null || user.isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
                        .getBytes(StandardCharsets.UTF_8));
    }

    public ClickHouseHttp(String url) {
        this(url, null, null);
    }

    /** Runs one statement; ClickHouse's HTTP interface takes a single statement per request. */
    public void execute(String statement) {
        send("", statement);
    }

    /** Runs a query and returns its TabSeparated rows. */
    public List<String> query(String query) {
        String body = send("", query + " FORMAT TabSeparated");
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    /** Inserts rows given as JSON objects, ignoring fields the table does not have. */
    public void insertJsonEachRow(String table, List<String> jsonRows) {
        if (jsonRows.isEmpty()) {
            return;
        }
        String query = "INSERT INTO " + table + " FORMAT JSONEachRow";
        send("&input_format_skip_unknown_fields=1&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                String.join("\n", jsonRows));
    }

    public String url() {
        return url;
    }

    private String send(String parameters, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/?" + parameters.replaceFirst("^&", "")))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ClickHouseException(response.statusCode(), response.body().trim());
            }
            return response.body().endsWith("\n") ? response.body().substring(0, response.body().length() - 1)
                    : response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("ClickHouse at " + url + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class ClickHouseException extends RuntimeException {
        ClickHouseException(int status, String message) {
            super("ClickHouse answered " + status + ": " + message);
        }
    }
}
