package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rewards.support.testing.WebSocketTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's guarantees through the real system (all four services, Kafka, store, Redis), by
 * clients that know only HTTP and WebSocket, and a browser on the notifier's test page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private RunningStack stack;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    stack = new RunningStack(dataDir);
    // started once, in a fresh directory: a class data archive would only cost its writing
    stack.env.put("REWARDS_CLASS_DATA_SHARING", "off");
    stack.start();
  }

  @AfterAll
  void stop() throws Exception {
    stack.stop();
  }

  @Test
  void loadsTheSampleBalancesAndHistory() {
    assertThat(totalPoints("user123")).isEqualTo(415);
    assertThat(totalPoints("user456")).isEqualTo(105);
    assertThat(totalPoints("user789")).isEqualTo(125);
    JsonNode history = json(stack.get("/rewards/transactions/user123?limit=2"));
    assertThat(history.get("pagination").get("total").asLong()).isEqualTo(5);
    JsonNode newest = history.get("transactions").get(0);
    assertThat(newest.get("category").asString()).isEqualTo("entertainment");
    assertThat(newest.get("pointsEarned").asLong()).isEqualTo(150);
    assertThat(newest.get("timestamp").asString()).startsWith("2024-02-01");
  }

  @Test
  void theAdminSummaryHoldsEarnedMinusRedeemed() {
    createUser("auditor");
    waitFor(stack.post("/rewards/add-points/auditor", purchase(700), wait(10)));
    waitFor(
        stack.post(
            "/rewards/redeem/auditor",
            "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}",
            wait(10)));

    JsonNode summary =
        json(stack.getWith(
                "/rewards/admin/database-summary",
                Map.of("Authorization", "Bearer " + stack.credential("REWARDS_ADMIN_TOKEN"))))
            .get("summary");

    assertThat(summary.get("totalPointsInSystem").asLong())
        .isEqualTo(
            summary.get("totalPointsEarned").asLong()
                - summary.get("totalPointsRedeemed").asLong());
    assertThat(summary.get("totalPointsRedeemed").asLong()).isGreaterThanOrEqualTo(500);
  }

  @Test
  void analyticsIncludeTheSampleData() {
    // other tests here buy only "shopping"; the seed's other categories stay as loaded
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode distribution = json(stack.get("/analytics/rewards-distribution"));
              assertThat(category(distribution, "dining").get("totalPoints").asLong())
                  .isEqualTo(145);
              assertThat(category(distribution, "travel").get("totalAmount").decimalValue())
                  .isEqualByComparingTo("400");
              assertThat(category(distribution, "entertainment").get("transactionCount").asLong())
                  .isEqualTo(1);
              assertThat(distribution.get("asOf").isNull()).isFalse();
            });
  }

  private static JsonNode category(JsonNode distribution, String name) {
    for (JsonNode category : distribution.get("distribution")) {
      if (category.get("category").asString().equals(name)) {
        return category;
      }
    }
    throw new AssertionError("no category " + name + " in " + distribution);
  }

  @Test
  void redemptionsRacingOnOneUserNeverOverdraw() throws Exception {
    createUser("racer");
    assertThat(
            waitFor(stack.post("/rewards/add-points/racer", purchase(50_000), wait(10)))
                .statusCode())
        .isEqualTo(200); // affords exactly 100 redemptions of 500

    List<String> commandIds = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(32);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        responses.add(
            clients.submit(
                () ->
                    stack.post(
                        "/rewards/redeem/racer",
                        "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}")));
      }
      for (Future<HttpResponse<String>> response : responses) {
        assertThat(response.get().statusCode()).isEqualTo(202);
        commandIds.add(json(response.get()).get("commandId").asString());
      }
    } finally {
      clients.shutdown();
    }

    List<String> statuses = new ArrayList<>();
    for (String commandId : commandIds) {
      statuses.add(awaitDecided(commandId));
    }
    assertThat(statuses).filteredOn("APPLIED"::equals).hasSize(100);
    assertThat(statuses).filteredOn("REJECTED"::equals).hasSize(400);
    assertThat(totalPoints("racer")).isZero();
    assertThat(
            json(stack.get("/rewards/redemptions/racer")).get("pagination").get("total").asLong())
        .isEqualTo(100);
  }

  @Test
  void answersWithTheOutcomeWhenAskedToWait() {
    createUser("patient");

    HttpResponse<String> earned =
        waitFor(stack.post("/rewards/add-points/patient", purchase(1200), wait(10)));
    HttpResponse<String> redeemed =
        waitFor(
            stack.post(
                "/rewards/redeem/patient",
                "{\"pointsToRedeem\":1000,\"rewardType\":\"cashback\"}",
                wait(10)));

    assertThat(earned.statusCode()).isEqualTo(200);
    assertThat(json(earned).get("newBalance").asLong()).isEqualTo(1200);
    assertThat(redeemed.statusCode()).isEqualTo(200);
    JsonNode redemption = json(redeemed).get("redemption");
    assertThat(redemption.get("remainingPoints").asLong()).isEqualTo(200);
    assertThat(redemption.get("value").decimalValue()).isEqualByComparingTo("10.00");
  }

  @Test
  void refusesARedemptionBeyondTheBalanceWithInsufficientPoints() {
    HttpResponse<String> refused =
        waitFor(
            stack.post(
                "/rewards/redeem/user456",
                "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}",
                wait(10)));

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode problem = json(refused);
    assertThat(problem.get("title").asString()).isEqualTo("Insufficient Points");
    assertThat(problem.get("requiredPoints").asLong()).isEqualTo(500);
    assertThat(problem.get("availablePoints").asLong()).isEqualTo(105);
    assertThat(totalPoints("user456")).isEqualTo(105);
  }

  @Test
  void appliesARepeatedIdempotentPurchaseOnce() {
    createUser("retrier");
    Map<String, String> key = Map.of("Idempotency-Key", "receipt-" + UUID.randomUUID());

    HttpResponse<String> first = stack.post("/rewards/add-points/retrier", purchase(70), key);
    HttpResponse<String> retry = stack.post("/rewards/add-points/retrier", purchase(70), key);
    String commandId = json(first).get("commandId").asString();
    awaitDecided(commandId);
    HttpResponse<String> late = stack.post("/rewards/add-points/retrier", purchase(70), key);
    HttpResponse<String> other = stack.post("/rewards/add-points/retrier", purchase(71), key);

    assertThat(json(retry).get("commandId").asString()).isEqualTo(commandId);
    assertThat(json(late).get("commandId").asString()).isEqualTo(commandId);
    assertThat(other.statusCode()).isEqualTo(422);
    HttpResponse<String> marker =
        waitFor(stack.post("/rewards/add-points/retrier", purchase(1), wait(10)));
    assertThat(json(marker).get("newBalance").asLong()).isEqualTo(71);
  }

  @Test
  void neverServesABalanceOlderThanAnAnnouncedOutcome() {
    createUser("reader");
    for (int i = 1; i <= 30; i++) {
      stack.get("/rewards/points/reader"); // fills the cache with the balance before the change
      HttpResponse<String> applied =
          waitFor(stack.post("/rewards/add-points/reader", purchase(10), wait(10)));
      long announced = json(applied).get("newBalance").asLong();

      assertThat(totalPoints("reader")).isEqualTo(announced).isEqualTo(10L * i);
    }
  }

  @Test
  void aWebAppSeesTheConfirmationOfItsOwnCommandLive() {
    createUser("watcher");
    String token = json(stack.post("/rewards/ws-token/watcher", "")).get("token").asString();
    try (var socket =
        WebSocketTestClient.connect(notifier("/ws/rewards?userId=watcher&token=" + token))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !socket.frames("connected").isEmpty());

      String earn =
          json(stack.post("/rewards/add-points/watcher", purchase(600)))
              .get("commandId")
              .asString();
      String redeem =
          json(stack.post(
                  "/rewards/redeem/watcher", "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}"))
              .get("commandId")
              .asString();
      String refused =
          json(stack.post(
                  "/rewards/redeem/watcher", "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}"))
              .get("commandId")
              .asString();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> answered(socket, "redemptionRejected", refused));
      assertThat(answered(socket, "pointsUpdated", earn)).isTrue();
      assertThat(answered(socket, "rewardRedeemed", redeem)).isTrue();
      assertThat(socket.frames("pointsUpdated"))
          .extracting(f -> f.get("data").get("totalPoints").asLong())
          .containsExactly(600L, 100L);
      JsonNode rejection = socket.frames("redemptionRejected").get(0).get("data");
      assertThat(rejection.get("availablePoints").asLong()).isEqualTo(100);
    }
  }

  @Test
  void theTestPageShowsTheEventsOfAPurchaseAndItsRefundMadeFromIt() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them where it can)");
    createUser("browser");
    WebDriver browser = headlessChromium();
    try {
      browser.get(notifier("/websocket-test.html").toString());
      WebElement user = browser.findElement(By.id("userId"));
      user.clear();
      user.sendKeys("browser");
      browser.findElement(By.id("apiKey")).sendKeys(stack.credential("REWARDS_API_KEY"));
      browser.findElement(By.id("connect")).click();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> browser.findElement(By.id("status")).getText().equals("connected"));

      browser.findElement(By.id("addPoints")).click();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !browser
                      .findElements(By.cssSelector("#events li[data-event=pointsUpdated]"))
                      .isEmpty());
      String shown =
          browser.findElement(By.cssSelector("#events li[data-event=pointsUpdated]")).getText();
      assertThat(shown).contains("\"totalPoints\":50").contains("\"reason\":\"EARN\"");
      assertThat(browser.findElement(By.id("answer")).getText()).startsWith("202");
      assertThat(totalPoints("browser")).isEqualTo(50);

      browser.findElement(By.id("refundAmount")).sendKeys("40");
      browser.findElement(By.id("refund")).click();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !browser
                      .findElements(By.cssSelector("#events li[data-event=pointsReversed]"))
                      .isEmpty());
      assertThat(
              browser
                  .findElement(By.cssSelector("#events li[data-event=pointsReversed]"))
                  .getText())
          .contains("\"pointsReversed\":20")
          .contains("\"newBalance\":30");
      assertThat(totalPoints("browser")).isEqualTo(30);
    } finally {
      browser.quit();
    }
  }

  private static WebDriver headlessChromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(driver, options);
  }

  private URI notifier(String path) {
    String scheme = path.startsWith("/ws/") ? "ws" : "http";
    return URI.create(scheme + "://localhost:" + stack.env.get("NOTIFIER_PORT") + path);
  }

  private static boolean answered(WebSocketTestClient socket, String event, String commandId) {
    return socket.frames(event).stream()
        .anyMatch(f -> commandId.equals(f.get("data").get("commandId").asString()));
  }

  private void createUser(String id) {
    HttpResponse<String> created =
        stack.post(
            "/rewards/create-user",
            "{\"id\":\"%s\",\"name\":\"%s\",\"email\":\"%s@example.com\"}".formatted(id, id, id));
    assertThat(created.statusCode()).isEqualTo(201);
  }

  private long totalPoints(String userId) {
    return json(stack.get("/rewards/points/" + userId)).get("totalPoints").asLong();
  }

  private String awaitDecided(String commandId) {
    String[] status = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              status[0] =
                  json(stack.get("/rewards/commands/" + commandId)).get("status").asString();
              return !"PENDING".equals(status[0]);
            });
    return status[0];
  }

  private static HttpResponse<String> waitFor(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Preference-Applied")).isPresent();
    return response;
  }

  private static Map<String, String> wait(int seconds) {
    return Map.of("Prefer", "wait=" + seconds);
  }

  private static String purchase(long points) {
    return "{\"points\":%d,\"category\":\"shopping\",\"amount\":10}".formatted(points);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
