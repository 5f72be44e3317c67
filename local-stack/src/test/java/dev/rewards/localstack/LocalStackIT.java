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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, end to end: the launcher starts embedded Kafka, store and Redis and the
 * four service processes, loads the samples, and a purchase posted over HTTP moves a balance. A
 * restart keeps the data and does not load the samples twice; a stop leaves no process behind.
 */
class LocalStackIT {

  private static final Path HOME =
      Path.of(System.getProperty("rewards.home", "..")).toAbsolutePath();

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> env = freePorts();
  private Process launcher;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stopLauncher() throws InterruptedException {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void startsTheWholeSystemMovesABalanceAndKeepsDataAcrossRestarts() throws Exception {
    start();
    assertThat(output).anyMatch(l -> l.contains("user123 415, user456 105, user789 125"));
    assertThat(get("/rewards/points/user123")).contains("\"totalPoints\":415");

    post(
        "/rewards/create-user",
        "{\"id\":\"it-user\",\"name\":\"IT\",\"email\":\"it@example.com\"}");
    HttpResponse<String> accepted =
        post(
            "/rewards/add-points/it-user",
            "{\"points\":500,\"category\":\"shopping\",\"amount\":100}");
    assertThat(accepted.statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/rewards/points/it-user").contains("\"totalPoints\":500"));

    List<ProcessHandle> children = launcher.descendants().toList();
    assertThat(children).hasSizeGreaterThanOrEqualTo(4);
    stop();
    assertThat(children).noneMatch(ProcessHandle::isAlive);

    start();
    assertThat(output).anyMatch(l -> l.contains("Sample data  skipped"));
    assertThat(get("/rewards/points/it-user")).contains("\"totalPoints\":500");
    assertThat(get("/rewards/points/user123")).contains("\"totalPoints\":415");
    stop();
  }

  @Test
  void refusesToStartWhenAServicePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(Integer.parseInt(env.get("PORT")))) {
      Process process = launch(ProcessBuilder.Redirect.PIPE);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(process.exitValue()).isNotZero();
      assertThat(errors).contains("Port " + env.get("PORT")).contains("already in use");
    }
  }

  private void start() throws Exception {
    output.clear();
    launcher = launch(ProcessBuilder.Redirect.INHERIT);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().peek(System.out::println).forEach(output::add);
              } catch (IOException e) {
                // the launcher ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .failFast(() -> !launcher.isAlive())
        .until(() -> output.stream().anyMatch(l -> l.contains("Rewards is running")));
  }

  private void stop() throws InterruptedException {
    launcher.toHandle().destroy(); // SIGTERM, as Ctrl-C would (Process.destroy closes our pipes)
    assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> output.stream().anyMatch(l -> l.contains("Stopped.")));
  }

  private Process launch(ProcessBuilder.Redirect errors) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(HOME.resolve("local-stack/target"))) {
      jar = files.filter(p -> p.toString().endsWith("-exec.jar")).findFirst().orElseThrow();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Drewards.home=" + HOME, "-jar", jar.toString());
    builder.redirectError(errors);
    builder.environment().putAll(env);
    builder.environment().put("REWARDS_DATA_DIR", dataDir.toString());
    return builder.start();
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(api() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(api() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String api() {
    return "http://127.0.0.1:" + env.get("PORT");
  }

  /** Every port the stack uses, free right now: never the defaults a developer's stack may hold. */
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
    return Map.of(
        "PORT", String.valueOf(ports[0]),
        "NOTIFIER_PORT", String.valueOf(ports[1]),
        "LEDGER_PORT", String.valueOf(ports[2]),
        "ANALYTICS_PORT", String.valueOf(ports[3]),
        "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports[4],
        "LOCAL_KAFKA_CONTROLLER_PORT", String.valueOf(ports[5]),
        "MONGODB_URI", "mongodb://localhost:" + ports[6] + "/rewards",
        "REDIS_URL", "redis://localhost:" + ports[7]);
  }
}
