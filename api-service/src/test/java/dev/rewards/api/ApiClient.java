package dev.rewards.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API under test. */
class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  Response get(String path) {
    return get(path, Map.of());
  }

  Response get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  Response post(String path, String json) {
    return post(path, json, Map.of());
  }

  Response post(String path, String json, Map<String, String> headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        headers);
  }

  Response send(HttpRequest.Builder request, Map<String, String> headers) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Response(HttpResponse<String> raw) {

    int status() {
      return raw.statusCode();
    }

    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }
}
