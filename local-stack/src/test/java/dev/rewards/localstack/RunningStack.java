package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack as a user runs it: the launcher jar in its own process, on free ports (never the
 * defaults a developer's own stack may hold), with its data in a given directory.
 */
final class RunningStack {

  private static final Path HOME =
      Path.of(System.getProperty("rewards.home", "..")).toAbsolutePath();

  final Map<String, String> env = freePorts();
  final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();
  private final Path dataDir;
  private Process launcher;

  RunningStack(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Starts the launcher and waits until it says the system is running. */
  void start() throws IOException {
    output.clear();
    launcher = launch(ProcessBuilder.Redirect.INHERIT);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().peek(System.out::println).forEach(output::add);
              } catch (IOException | RuntimeException e) {
                // the launcher ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .failFast(() -> !launcher.isAlive())
        .until(() -> saw("Rewards is running"));
  }

  /** Stops it as Ctrl-C would (SIGTERM) and waits for the launcher to finish. */
  void stop() throws InterruptedException {
    if (launcher == null || !launcher.isAlive()) {
      return;
    }
    launcher.toHandle().destroy(); // Process.destroy would also close our pipes
    assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> saw("Stopped."));
  }

  void kill() throws InterruptedException {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  List<ProcessHandle> children() {
    return launcher.descendants().toList();
  }

  boolean saw(String text) {
    synchronized (output) {
      return output.stream().anyMatch(line -> line.contains(text));
    }
  }

  Process launch(ProcessBuilder.Redirect errors) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(HOME.resolve("local-stack/target"))) {
      jar = files.filter(p -> p.toString().endsWith("-exec.jar")).findFirst().orElseThrow();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Drewards.home=" + HOME, "-jar", jar.toString());
    builder.redirectError(errors);
    builder.environment().remove("REWARDS_API_KEYS"); // the launcher generates credentials
    builder.environment().remove("REWARDS_ADMIN_TOKEN");
    builder.environment().putAll(env);
    builder.environment().put("REWARDS_DATA_DIR", dataDir.toString());
    return builder.start();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)), Map.of());
  }

  /** A GET with exactly these headers (no API key added). */
  HttpResponse<String> getWith(String path, Map<String, String> headers) {
    return sendAs(HttpRequest.newBuilder(uri(path)), headers);
  }

  /** A credential the launcher generated and saved in the data directory. */
  String credential(String name) {
    java.util.Properties saved = new java.util.Properties();
    try (var reader = Files.newBufferedReader(dataDir.resolve("credentials.env"))) {
      saved.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("no credentials.env in " + dataDir, e);
    }
    return saved.getProperty(name);
  }

  HttpResponse<String> post(String path, String json) {
    return post(path, json, Map.of());
  }

  HttpResponse<String> post(String path, String json, Map<String, String> headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        headers);
  }

  /** Sends with the generated API key, as a client that read the launcher's output would. */
  private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
    Map<String, String> withKey = new java.util.HashMap<>(headers);
    withKey.putIfAbsent("X-API-Key", credential("REWARDS_API_KEY"));
    return sendAs(request, withKey);
  }

  private HttpResponse<String> sendAs(HttpRequest.Builder request, Map<String, String> headers) {
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + env.get("PORT") + path);
  }

  private static Map<String, String> freePorts() {
    int[] ports = new int[8];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < ports.length; i++) {
        ServerSocket socket = new ServerSocket(0);
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
      for (ServerSocket socket : held) {
        socket.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new java.util.HashMap<>(
        Map.of(
            "PORT", String.valueOf(ports[0]),
            "NOTIFIER_PORT", String.valueOf(ports[1]),
            "LEDGER_PORT", String.valueOf(ports[2]),
            "ANALYTICS_PORT", String.valueOf(ports[3]),
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports[4],
            "LOCAL_KAFKA_CONTROLLER_PORT", String.valueOf(ports[5]),
            "MONGODB_URI", "mongodb://localhost:" + ports[6] + "/rewards",
            "REDIS_URL", "redis://localhost:" + ports[7]));
  }
}
