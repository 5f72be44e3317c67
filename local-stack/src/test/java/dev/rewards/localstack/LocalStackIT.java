package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, end to end: the launcher starts embedded Kafka, store and Redis and the
 * four service processes, loads the samples, and a purchase posted over HTTP moves a balance. A
 * crashed service is restarted while the others keep running; a restart keeps the data and does not
 * load the samples twice; a stop leaves no process behind, and neither does a killed launcher.
 */
class LocalStackIT {

  @TempDir Path dataDir;

  private RunningStack stack;

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (stack != null) {
      stack.kill();
    }
  }

  @Test
  void startsTheWholeSystemMovesABalanceAndKeepsDataAcrossRestarts() throws Exception {
    stack = new RunningStack(dataDir);
    stack.start();
    assertThat(stack.saw("user123 415, user456 105, user789 125")).isTrue();
    assertThat(stack.get("/rewards/points/user123").body()).contains("\"totalPoints\":415");
    String apiKey = stack.credential("REWARDS_API_KEY");
    assertThat(stack.saw("API key      " + apiKey)).as("generated key printed").isTrue();
    assertThat(stack.getWith("/rewards/points/user123", Map.of()).statusCode()).isEqualTo(401);
    assertThat(
            stack
                .getWith(
                    "/rewards/admin/database-summary",
                    Map.of("Authorization", "Bearer " + stack.credential("REWARDS_ADMIN_TOKEN")))
                .statusCode())
        .isEqualTo(200);

    stack.post(
        "/rewards/create-user",
        "{\"id\":\"it-user\",\"name\":\"IT\",\"email\":\"it@example.com\"}");
    HttpResponse<String> accepted =
        stack.post(
            "/rewards/add-points/it-user",
            "{\"points\":500,\"category\":\"shopping\",\"amount\":100}");
    assertThat(accepted.statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.get("/rewards/points/it-user").body().contains("\"totalPoints\":500"));

    ProcessHandle ledger =
        stack.children().stream()
            .filter(p -> p.info().commandLine().orElse("").contains("ledger-worker"))
            .findFirst()
            .orElseThrow();
    ledger.destroyForcibly(); // a crash: the launcher restarts it, the others keep running
    await().atMost(Duration.ofSeconds(90)).until(() -> stack.saw("ledger-worker restarted"));
    stack.post(
        "/rewards/add-points/it-user", "{\"points\":5,\"category\":\"shopping\",\"amount\":1}");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.get("/rewards/points/it-user").body().contains("\"totalPoints\":505"));

    List<ProcessHandle> children = stack.children();
    assertThat(children).hasSizeGreaterThanOrEqualTo(5); // four services and redis-server
    stack.stop();
    assertThat(children).noneMatch(ProcessHandle::isAlive);

    stack.start();
    assertThat(stack.saw("Sample data  skipped")).isTrue();
    List<String> starts = Files.readAllLines(dataDir.resolve("logs").resolve("start-up.log"));
    assertThat(starts.get(0))
        .contains("0 of 4 services from class data archives, the launcher not");
    assertThat(starts.get(starts.size() - 1))
        .as("each service and the launcher stopped cleanly left an archive the next start maps")
        .contains("4 of 4 services from class data archives, the launcher too");
    assertThat(stack.credential("REWARDS_API_KEY"))
        .as("same key after a restart")
        .isEqualTo(apiKey);
    assertThat(stack.get("/rewards/points/it-user").body()).contains("\"totalPoints\":505");
    assertThat(stack.get("/rewards/points/user123").body()).contains("\"totalPoints\":415");

    List<ProcessHandle> running = stack.children();
    stack.kill(); // SIGKILL: the launcher it handed over to must stop the stack by itself
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(running).noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void refusesToStartWhenAServicePortIsTaken() throws Exception {
    RunningStack refused = new RunningStack(dataDir);
    int port = Integer.parseInt(refused.env.get("PORT"));

    Refusal refusal = launchWithPortTaken(refused, port);

    assertThat(refusal.errors()).contains("Port " + port).contains("already in use");
  }

  @Test
  void refusesToStartWhenTheBrokersControllerPortIsTaken() throws Exception {
    RunningStack refused = new RunningStack(dataDir);
    int controllerPort = Integer.parseInt(refused.env.get("LOCAL_KAFKA_CONTROLLER_PORT"));

    Refusal refusal = launchWithPortTaken(refused, controllerPort);

    assertThat(refusal.errors())
        .contains("Port " + controllerPort)
        .contains("LOCAL_KAFKA_CONTROLLER_PORT")
        .contains("already in use");
    assertThat(refusal.output()).doesNotContain("Services     starting");
  }

  /** What the launcher printed before it exited, unsuccessfully. */
  private record Refusal(String output, String errors) {}

  /** Launches the stack while something else listens on {@code port}; it must exit, failing. */
  private static Refusal launchWithPortTaken(RunningStack stack, int port) throws Exception {
    try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      Process process = stack.launch(ProcessBuilder.Redirect.PIPE);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher exited").isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("exit code").isNotZero();
      return new Refusal(output, errors);
    }
  }
}
