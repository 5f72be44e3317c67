package dev.rewards.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A point-of-sale client as the contract asks it to behave: every write carries an Idempotency-Key,
 * and a 503 (or a lost connection) is retried with the same key until the command is accepted.
 * Anything else that is not a 2xx fails the test: a 500 is never an acceptable answer.
 */
final class PatientClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

  final AtomicLong unavailableAnswers = new AtomicLong();
  final AtomicLong lostConnections = new AtomicLong();
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  PatientClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Sends until accepted; returns the commandId of the 202. */
  UUID submit(String path, String json, String idempotencyKey) {
    return submit(path, json, idempotencyKey, Map.of());
  }

  /** {@link #submit(String, String, String)} with more headers (an admin token). */
  UUID submit(String path, String json, String idempotencyKey, Map<String, String> headers) {
    HttpResponse<String> response =
        untilAnswered(
            () -> {
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(URI.create(baseUrl + path))
                      .header("Content-Type", "application/json")
                      .header("Idempotency-Key", idempotencyKey)
                      .timeout(Duration.ofSeconds(30))
                      .POST(HttpRequest.BodyPublishers.ofString(json));
              headers.forEach(request::header);
              return request.build();
            });
    if (response.statusCode() != 202) {
      throw new AssertionError(
          "POST %s %s answered %d: %s"
              .formatted(path, json, response.statusCode(), response.body()));
    }
    return UUID.fromString(JSON.readTree(response.body()).get("commandId").asString());
  }

  void createUser(String id) {
    HttpResponse<String> response =
        untilAnswered(
            () ->
                HttpRequest.newBuilder(URI.create(baseUrl + "/rewards/create-user"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"%1$s\",\"name\":\"%1$s\",\"email\":\"%1$s@example.com\"}"
                                .formatted(id)))
                    .build());
    if (response.statusCode() != 201) {
      throw new AssertionError("create-user " + id + " answered " + response.body());
    }
  }

  /**
   * A batch of earns, each item with its own Idempotency-Key, sent again whole until every item is
   * accepted (an item refused with 503 mid-batch, the broker being away, is accepted on a later
   * try; the items accepted before keep their commands, by their keys).
   *
   * @return each item's command, in order
   */
  List<UUID> submitBatch(String json) {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      HttpResponse<String> response =
          untilAnswered(
              () ->
                  HttpRequest.newBuilder(URI.create(baseUrl + "/rewards/add-points-batch"))
                      .header("Content-Type", "application/json")
                      .timeout(Duration.ofSeconds(30))
                      .POST(HttpRequest.BodyPublishers.ofString(json))
                      .build());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "batch answered " + response.statusCode() + ": " + response.body());
      }
      List<UUID> commands = new java.util.ArrayList<>();
      boolean unavailable = false;
      for (JsonNode result : JSON.readTree(response.body()).get("results")) {
        int status = result.get("status").asInt();
        if (status == 202) {
          commands.add(UUID.fromString(result.get("commandId").asString()));
        } else if (status == 503 || status == 429) {
          unavailable = true;
        } else {
          throw new AssertionError("a batch item answered " + status + ": " + result);
        }
      }
      if (!unavailable) {
        return commands;
      }
      unavailableAnswers.incrementAndGet();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the batch was not accepted within " + GIVE_UP_AFTER);
      }
      FaultyStack.sleep(Duration.ofMillis(250));
    }
  }

  /** A POST without a body answered with 200, as JSON (a WebSocket token, say). */
  JsonNode post(String path) {
    HttpResponse<String> response =
        untilAnswered(
            () ->
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30))
                    .build());
    if (response.statusCode() != 200) {
      throw new AssertionError("POST " + path + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** A GET answered with 200, as JSON (retrying 503s). */
  JsonNode read(String path) {
    return read(path, Map.of());
  }

  JsonNode read(String path, Map<String, String> headers) {
    HttpResponse<String> response =
        untilAnswered(
            () -> {
              HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
              headers.forEach(request::header);
              return request.timeout(Duration.ofSeconds(30)).build();
            });
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** One GET, no retry: the answer as it is. */
  HttpResponse<String> getOnce(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> untilAnswered(java.util.function.Supplier<HttpRequest> request) {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      try {
        HttpResponse<String> response =
            http.send(request.get(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 503 && response.statusCode() != 429) {
          return response;
        }
        unavailableAnswers.incrementAndGet();
      } catch (IOException e) {
        lostConnections.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the API did not accept the request within " + GIVE_UP_AFTER);
      }
      FaultyStack.sleep(Duration.ofMillis(250));
    }
  }
}
