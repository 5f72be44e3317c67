package dev.rewards.load;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The running system under test, from the same variables the services read, with the local stack's
 * defaults; the API key is taken from the local stack's credentials file when not given.
 */
public final class Target {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Target() {}

  public static String apiUrl() {
    return setting("REWARDS_API_URL", "http://localhost:3000");
  }

  public static String notifierWsUrl() {
    return setting("REWARDS_NOTIFIER_WS_URL", "ws://localhost:3001");
  }

  public static String kafkaBootstrap() {
    return setting("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
  }

  public static String mongoUri() {
    return setting("MONGODB_URI", "mongodb://localhost:27017/rewards");
  }

  /** Seconds each measured phase lasts ({@code BENCH_SECONDS}, default 30). */
  public static int seconds() {
    return Integer.parseInt(setting("BENCH_SECONDS", "30"));
  }

  public static String apiKey() {
    return credential("REWARDS_API_KEY");
  }

  /** For the services' metrics (docs/benchmarks.md's per-hop figures). */
  public static String adminToken() {
    return credential("REWARDS_ADMIN_TOKEN");
  }

  /** From the environment, else the local stack's credentials file, else none (security off). */
  private static String credential(String name) {
    String key = setting(name, "");
    if (!key.isEmpty()) {
      return key;
    }
    Path saved =
        Path.of(setting("REWARDS_HOME", ".."), setting("REWARDS_DATA_DIR", "local-data"))
            .resolve("credentials.env");
    Properties credentials = new Properties();
    try (Reader reader = Files.newBufferedReader(saved)) {
      credentials.load(reader);
    } catch (IOException e) {
      return ""; // security off
    }
    return credentials.getProperty(name, "");
  }

  /** Creates a user (or finds it there already); for the simulations' set-up. */
  public static void ensureUser(String id) {
    String body =
        "{\"id\":\"%1$s\",\"name\":\"%1$s\",\"email\":\"%1$s@bench.example\"}".formatted(id);
    int status = post("/rewards/create-user", body, null).statusCode();
    if (status != 201 && status != 409) {
      throw new IllegalStateException("create-user " + id + " answered " + status);
    }
  }

  public static HttpResponse<String> post(String path, String json, String prefer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("X-API-Key", apiKey())
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (prefer != null) {
      request.header("Prefer", prefer);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Is the system running at " + apiUrl() + "? " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }
}
