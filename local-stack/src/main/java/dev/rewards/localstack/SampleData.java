package dev.rewards.localstack;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample data of the contract, loaded through the public API (so it flows through Kafka and the
 * ledger-worker like any purchase, and analytics include it), only into an empty store.
 */
final class SampleData {

  private record Purchase(String userId, int amount, String category, int points, String date) {}

  private static final List<String[]> USERS =
      List.of(
          new String[] {"user123", "John Doe", "john.doe@example.com"},
          new String[] {"user456", "Jane Smith", "jane.smith@example.com"},
          new String[] {"user789", "Bob Johnson", "bob.johnson@example.com"});

  private static final List<Purchase> PURCHASES =
      List.of(
          new Purchase("user123", 100, "shopping", 50, "2024-01-15"),
          new Purchase("user123", 200, "dining", 100, "2024-01-20"),
          new Purchase("user123", 150, "travel", 75, "2024-01-25"),
          new Purchase("user123", 80, "shopping", 40, "2024-01-30"),
          new Purchase("user123", 300, "entertainment", 150, "2024-02-01"),
          new Purchase("user456", 120, "shopping", 60, "2024-01-18"),
          new Purchase("user456", 90, "dining", 45, "2024-01-22"),
          new Purchase("user789", 250, "travel", 125, "2024-01-28"));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String api;
  private final String apiKey;

  SampleData(int apiPort, String apiKey) {
    this.api = "http://127.0.0.1:" + apiPort;
    this.apiKey = apiKey;
  }

  /** Whether the store holds no users yet (then, and only then, the samples are loaded). */
  static boolean storeIsEmpty(String mongoUri) {
    ConnectionString connection = new ConnectionString(mongoUri);
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .build();
    String database = connection.getDatabase() == null ? "rewards" : connection.getDatabase();
    try (MongoClient client = MongoClients.create(settings)) {
      return client.getDatabase(database).getCollection("users").countDocuments() == 0;
    }
  }

  /** Loads users and purchases and waits until every purchase is applied. */
  void load() throws IOException, InterruptedException {
    for (String[] user : USERS) {
      post(
          "/rewards/create-user",
          "{\"id\":\"%s\",\"name\":\"%s\",\"email\":\"%s\"}".formatted(user[0], user[1], user[2]),
          null,
          201);
    }
    List<String> commands = new ArrayList<>();
    // the purchases are dated 2024, so points valid a year from then would expire at once: they
    // carry their own expiry, a year from loading, and the sample balances hold when looked at
    Instant expiresAt =
        Instant.now().plus(java.time.Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
    for (Purchase p : PURCHASES) {
      String body =
          ("{\"points\":%d,\"category\":\"%s\",\"amount\":%d,\"timestamp\":\"%sT12:00:00Z\","
                  + "\"expiresAt\":\"%s\"}")
              .formatted(p.points(), p.category(), p.amount(), p.date(), expiresAt);
      JsonNode accepted =
          post(
              "/rewards/add-points/" + p.userId(),
              body,
              "sample-" + p.userId() + "-" + p.date() + "-" + p.category(),
              202);
      commands.add(accepted.get("commandId").asString());
    }
    for (String commandId : commands) {
      awaitApplied(commandId, Duration.ofSeconds(60));
    }
  }

  long balanceOf(String userId) throws IOException, InterruptedException {
    return get("/rewards/points/" + userId).get("totalPoints").asLong();
  }

  private void awaitApplied(String commandId, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          send(HttpRequest.newBuilder(uri("/rewards/commands/" + commandId)));
      if (response.statusCode() == 200
          && "APPLIED".equals(JSON.readTree(response.body()).get("status").asString())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new StackException("Sample purchase " + commandId + " was not applied within " + timeout);
  }

  private JsonNode post(String path, String json, String idempotencyKey, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response = send(request);
    if (response.statusCode() != expected) {
      throw new StackException(
          "Loading sample data: POST "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return JSON.readTree(send(HttpRequest.newBuilder(uri(path))).body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.header("X-API-Key", apiKey).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(api + path);
  }
}
