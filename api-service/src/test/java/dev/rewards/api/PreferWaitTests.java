package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import com.mongodb.MongoTimeoutException;
import dev.rewards.api.commands.CommandStatusStore;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.StableIds;
import dev.rewards.contracts.Topics;
import dev.rewards.support.metrics.CommandHops;
import dev.rewards.support.testing.KafkaTestClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Prefer: wait=N}: this test plays ledger-worker, answering each command with an outcome.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferWaitTests {

  @LocalServerPort int port;

  // the context's own broker: another test context's broker may own the system property by now
  @Autowired EmbeddedKafkaBroker broker;
  @MockitoSpyBean CommandStatusStore statuses;

  private final HttpClient http = HttpClient.newHttpClient();
  private CommandsTopic commands;
  private Producer<String, Object> events;

  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MeterRegistry meters;

  @Value("${rewards.kafka.partitions}")
  int partitions;

  @BeforeAll
  void setUp() {
    commands = new CommandsTopic(broker.getBrokersAsString());
    events = KafkaTestClients.producer(broker.getBrokersAsString());
    // the waiters read outcomes from the latest offset: an outcome announced before they own the
    // partitions would never reach them (this class has a context of its own, started just now)
    ContainerTestUtils.waitForAssignment(
        listeners.getListenerContainer("api-outcomes"), partitions);
  }

  @AfterAll
  void tearDown() {
    commands.close();
    events.close();
  }

  @Test
  void answersWithTheAppliedEarnWhenItArrivesInTime() throws Exception {
    createUser("waiter-earn");
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/add-points/waiter-earn",
            "{\"points\":50,\"category\":\"dining\",\"amount\":100}");
    EarnPoints earn = (EarnPoints) commands.awaitFor("waiter-earn").value();
    announce(applied(earn, 450));

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Preference-Applied")).hasValue("wait=5");
    JsonNode body = json(answer);
    assertThat(body.get("message").asString()).isEqualTo("Points added successfully");
    assertThat(body.get("commandId").asString()).isEqualTo(earn.commandId().toString());
    assertThat(body.get("newBalance").asLong()).isEqualTo(450);
    assertThat(body.get("transaction").get("pointsEarned").asLong()).isEqualTo(50);
    assertThat(body.get("transaction").get("category").asString()).isEqualTo("dining");
  }

  @Test
  void timesTheBrokerAcknowledgementTheOutcomeDeliveryAndTheWholeAwaitedCommand() throws Exception {
    long acksBefore = hopCount(CommandHops.BROKER_ACK);
    long deliveriesBefore = hopCount(CommandHops.outcomeDelivery("api"));
    long awaitedBefore = hopCount(CommandHops.AWAITED);
    createUser("waiter-timed");
    CompletableFuture<HttpResponse<String>> response =
        post("/rewards/add-points/waiter-timed", "{\"points\":5,\"category\":\"x\",\"amount\":1}");
    EarnPoints earn = (EarnPoints) commands.awaitFor("waiter-timed").value();
    announce(applied(earn, 5));

    assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(hopCount(CommandHops.BROKER_ACK)).isGreaterThan(acksBefore);
              assertThat(hopCount(CommandHops.outcomeDelivery("api")))
                  .isGreaterThan(deliveriesBefore);
              assertThat(hopCount(CommandHops.AWAITED)).isEqualTo(awaitedBefore + 1);
            });
  }

  @Test
  void commitsNoOffsetsForTheWaitersConsumerGroupOfItsOwn() throws Exception {
    createUser("waiter-offsets");
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/add-points/waiter-offsets", "{\"points\":5,\"category\":\"x\",\"amount\":1}");
    EarnPoints earn = (EarnPoints) commands.awaitFor("waiter-offsets").value();
    announce(applied(earn, 5));
    assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

    KafkaTestClients.assertNoOffsetsCommitted(
        broker.getBrokersAsString(), listeners.getListenerContainer("api-outcomes").getGroupId());
  }

  private long hopCount(String hop) {
    var timer = meters.find(CommandHops.METER).tag("hop", hop).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void answersWithTheRedemption() throws Exception {
    createUser("waiter-redeem");
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/redeem/waiter-redeem",
            "{\"pointsToRedeem\":1500,\"rewardType\":\"cashback\"}");
    RedeemPoints redeem = (RedeemPoints) commands.awaitFor("waiter-redeem").value();
    assertThat(redeem.value()).isEqualByComparingTo("15.00");
    announce(
        new RewardRedeemed(
            RewardsEvent.idFor(redeem.commandId()),
            redeem.commandId(),
            "waiter-redeem",
            StableIds.derive("redemption", redeem.commandId()),
            1500,
            "cashback",
            redeem.value(),
            20,
            Instant.now()));

    JsonNode body = json(response.get(10, TimeUnit.SECONDS));

    assertThat(body.get("message").asString()).isEqualTo("Reward redeemed successfully");
    assertThat(body.get("redemption").get("remainingPoints").asLong()).isEqualTo(20);
    assertThat(body.get("redemption").get("value").decimalValue()).isEqualByComparingTo("15.00");
  }

  @Test
  void answersInsufficientPointsWhenTheRedemptionIsRejected() throws Exception {
    createUser("waiter-rejected");
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/redeem/waiter-rejected",
            "{\"pointsToRedeem\":2000,\"rewardType\":\"gift_card\"}");
    RedeemPoints redeem = (RedeemPoints) commands.awaitFor("waiter-rejected").value();
    announce(
        new RedemptionRejected(
            RewardsEvent.idFor(redeem.commandId()),
            redeem.commandId(),
            "waiter-rejected",
            RedemptionRejected.INSUFFICIENT_POINTS,
            2000,
            20,
            Instant.now()));

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(answer);
    assertThat(problem.get("title").asString()).isEqualTo("Insufficient Points");
    assertThat(problem.get("requiredPoints").asLong()).isEqualTo(2000);
    assertThat(problem.get("availablePoints").asLong()).isEqualTo(20);
  }

  @Test
  void answers202WhenNoOutcomeArrivesInTime() throws Exception {
    createUser("waiter-late");
    HttpResponse<String> answer = earnWaitingOneSecond("waiter-late");

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.headers().firstValue("Preference-Applied")).hasValue("wait=1");
    assertThat(json(answer).get("status").asString()).isEqualTo("PENDING");
  }

  @Test
  void answersAnInvalidCommandWith400NamingTheField() throws Exception {
    createUser("waiter-invalid");
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/add-points/waiter-invalid", "{\"points\":5,\"category\":\"x\",\"amount\":1}");
    EarnPoints earn = (EarnPoints) commands.awaitFor("waiter-invalid").value();
    announce(rejection(earn, CommandRejected.INVALID_COMMAND, "purchasedAt"));

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode problem = json(answer);
    assertThat(problem.get("reason").asString()).isEqualTo("INVALID_COMMAND");
    assertThat(problem.get("field").asString()).isEqualTo("purchasedAt");
    assertThat(problem.get("commandId").asString()).isEqualTo(earn.commandId().toString());
  }

  @Test
  void answersADeadLetteredCommandWith422() throws Exception {
    createUser("waiter-dead");
    CompletableFuture<HttpResponse<String>> response =
        post("/rewards/add-points/waiter-dead", "{\"points\":5,\"category\":\"x\",\"amount\":1}");
    EarnPoints earn = (EarnPoints) commands.awaitFor("waiter-dead").value();
    announce(rejection(earn, CommandRejected.DEAD_LETTERED, null));

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(json(answer).get("reason").asString()).isEqualTo("DEAD_LETTERED");
  }

  @Test
  void readsAnOutcomeNotHeardInTimeOnTheAcknowledgementThreadsNotOnAThreadStartedForIt()
      throws Exception {
    createUser("waiter-threads");
    List<String> readingThreads = new CopyOnWriteArrayList<>();
    doAnswer(
            invocation -> {
              readingThreads.add(Thread.currentThread().getName());
              return invocation.callRealMethod();
            })
        .when(statuses)
        .decidedEvent(any());
    try {
      HttpResponse<String> answer = earnWaitingOneSecond("waiter-threads");

      assertThat(answer.statusCode()).isEqualTo(202);
      assertThat(readingThreads)
          .isNotEmpty()
          .allSatisfy(thread -> assertThat(thread).startsWith("acknowledged-"));
    } finally {
      Mockito.reset(statuses);
    }
  }

  @Test
  void answers202WithItsLocationWhenTheOutcomeCannotBeReadAfterTheBrokerAcknowledged()
      throws Exception {
    createUser("waiter-store-down");
    doThrow(new MongoTimeoutException("store unreachable")).when(statuses).decidedEvent(any());
    try {
      HttpResponse<String> answer = earnWaitingOneSecond("waiter-store-down");

      assertThat(answer.statusCode())
          .as("the command is on the broker: never 'nothing was changed'")
          .isEqualTo(202);
      assertThat(answer.headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).startsWith("/rewards/commands/"));
    } finally {
      Mockito.reset(statuses);
    }
  }

  @Test
  void answersAnAppliedRefundWithItsPointsAndTheNewBalance() throws Exception {
    createUser("waiter-refund");
    UUID purchase = UUID.randomUUID();
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/refund/waiter-refund",
            "{\"commandId\":\"%s\",\"amount\":10}".formatted(purchase));
    RefundPurchase refund = (RefundPurchase) commands.awaitFor("waiter-refund").value();
    announce(
        new PointsReversed(
            RewardsEvent.idFor(refund.commandId()),
            refund.commandId(),
            "waiter-refund",
            purchase,
            "shopping",
            new BigDecimal("10"),
            new BigDecimal("10"),
            5,
            2,
            null,
            -2,
            Instant.now(),
            null));

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = json(answer);
    assertThat(body.get("refund").get("pointsReversed").asLong()).isEqualTo(5);
    assertThat(body.get("refund").get("purchaseCommandId").asString())
        .isEqualTo(purchase.toString());
    assertThat(body.get("newBalance").asLong()).isEqualTo(-2);
    assertThat(body.get("debt").asLong()).isEqualTo(2);
  }

  @Test
  void answersACancellationOfAnUnknownRedemptionWith404NamingTheReason() throws Exception {
    createUser("waiter-cancel");
    CompletableFuture<HttpResponse<String>> response =
        post(
            "/rewards/cancel-redemption/waiter-cancel",
            "{\"redemptionCommandId\":\"%s\"}".formatted(UUID.randomUUID()));
    CancelRedemption cancel = (CancelRedemption) commands.awaitFor("waiter-cancel").value();
    announce(
        new CommandRejected(
            RewardsEvent.idFor(cancel.commandId()),
            cancel.commandId(),
            "waiter-cancel",
            CancelRedemption.TYPE,
            CommandRejected.UNKNOWN_REDEMPTION,
            "redemptionCommandId",
            "no such redemption",
            Instant.now()));

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(json(answer).get("reason").asString()).isEqualTo("UNKNOWN_REDEMPTION");
    assertThat(json(answer).get("field").asString()).isEqualTo("redemptionCommandId");
  }

  private static CommandRejected rejection(EarnPoints earn, String reason, String field) {
    return new CommandRejected(
        RewardsEvent.idFor(earn.commandId()),
        earn.commandId(),
        earn.userId(),
        "EARN",
        reason,
        field,
        "rejected for the test",
        Instant.now());
  }

  @Test
  void refusesAWaitOutsideOneToThirtySeconds() throws Exception {
    createUser("waiter-bad");
    HttpResponse<String> answer =
        http.send(
            request(
                "/rewards/add-points/waiter-bad",
                "{\"points\":1,\"category\":\"x\",\"amount\":1}",
                "wait=31"),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json(answer).get("field").asString()).isEqualTo("Prefer");
  }

  private void createUser(String id) {
    new ApiClient(port)
        .post(
            "/rewards/create-user",
            "{\"id\":\"%s\",\"name\":\"W\",\"email\":\"%s@example.com\"}".formatted(id, id));
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String body) {
    return http.sendAsync(request(path, body, "wait=5"), HttpResponse.BodyHandlers.ofString());
  }

  /** A one-point earn that waits one second for its outcome, which no test here announces. */
  private HttpResponse<String> earnWaitingOneSecond(String userId) throws Exception {
    return http.send(
        request(
            "/rewards/add-points/" + userId,
            "{\"points\":1,\"category\":\"x\",\"amount\":1}",
            "wait=1"),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, String body, String prefer) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("Prefer", prefer)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /**
   * The outcome the ledger announces for {@code earn}, leaving the balance at {@code newBalance}.
   */
  private static PointsEarned applied(EarnPoints earn, long newBalance) {
    return new PointsEarned(
        RewardsEvent.idFor(earn.commandId()),
        earn.commandId(),
        earn.userId(),
        StableIds.derive("transaction", earn.commandId()),
        earn.points(),
        earn.category(),
        earn.amount(),
        earn.purchasedAt(),
        newBalance,
        Instant.now());
  }

  private void announce(RewardsEvent event) {
    events.send(new ProducerRecord<>(Topics.EVENTS, event.userId(), event));
    events.flush();
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.builder().build().readTree(response.body());
  }
}
