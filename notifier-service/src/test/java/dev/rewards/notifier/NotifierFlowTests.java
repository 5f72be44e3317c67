package dev.rewards.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.notifier.stream.NotifierInstance;
import dev.rewards.support.testing.KafkaTestClients;
import dev.rewards.support.testing.WebSocketTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Two notifier instances against a real embedded broker; events are published the way ledger-worker
 * publishes them, and real WebSocket clients connect to either instance.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "rewards.kafka.partitions=3")
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = "auto.create.topics.enable=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierFlowTests {

  private static final Duration DELIVERY = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired NotifierInstance instance;

  private ConfigurableApplicationContext secondInstance;
  private int secondPort;
  private Producer<String, Object> ledger;

  @BeforeAll
  void startSecondInstanceAndWaitUntilBothFollowTheEvents() {
    secondInstance =
        new SpringApplicationBuilder(NotifierApplication.class)
            .run(
                "--server.port=0",
                "--rewards.kafka.partitions=3",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
    secondPort =
        secondInstance.getEnvironment().getRequiredProperty("local.server.port", int.class);
    ledger = KafkaTestClients.producer(broker.getBrokersAsString());
    await().atMost(Duration.ofSeconds(30)).until(() -> ready(port) && ready(secondPort));
  }

  @AfterAll
  void stopSecondInstance() {
    ledger.close();
    secondInstance.close();
  }

  @Test
  void greetsEveryClientWithConnected() {
    try (var client = WebSocketTestClient.connect(ws(port, "?userId=greeted"))) {
      await().atMost(DELIVERY).until(() -> !client.frames().isEmpty());

      JsonNode first = client.frames().get(0);
      assertThat(first.path("event").asString()).isEqualTo("connected");
      assertThat(first.path("data").path("userId").asString()).isEqualTo("greeted");
    }
  }

  @Test
  void aUsersClientReceivesThatUsersEventsAndNoneOfAnothers() {
    try (var alice = WebSocketTestClient.connect(ws(port, "?userId=alice"));
        var bob = WebSocketTestClient.connect(ws(port, "?userId=bob"));
        var everything = WebSocketTestClient.connect(ws(port, ""))) {
      awaitConnected(alice, bob, everything);
      UUID forAlice = publish(earned("alice", 50, 465));
      long published = System.nanoTime();
      UUID forBob = publish(earned("bob", 20, 125));

      await().atMost(DELIVERY).until(() -> hasCommand(alice, "pointsUpdated", forAlice));
      long deliveredMillis = (System.nanoTime() - published) / 1_000_000;
      await().atMost(DELIVERY).until(() -> hasCommand(bob, "pointsUpdated", forBob));
      await()
          .atMost(DELIVERY)
          .until(
              () ->
                  hasCommand(everything, "pointsUpdated", forAlice)
                      && hasCommand(everything, "pointsUpdated", forBob));

      assertThat(alice.frames("pointsUpdated"))
          .allSatisfy(f -> assertThat(f.path("data").path("userId").asString()).isEqualTo("alice"));
      assertThat(bob.frames("pointsUpdated"))
          .allSatisfy(f -> assertThat(f.path("data").path("userId").asString()).isEqualTo("bob"));
      JsonNode update = alice.frames("pointsUpdated").get(0).path("data");
      assertThat(update.path("totalPoints").asLong()).isEqualTo(465);
      assertThat(update.path("delta").asLong()).isEqualTo(50);
      System.out.printf("publish -> WebSocket frame: %d ms%n", deliveredMillis);
    }
  }

  @Test
  void redemptionsArriveAsPointsUpdatedAndRewardRedeemed() {
    try (var carol = WebSocketTestClient.connect(ws(port, "?userId=carol"))) {
      awaitConnected(carol);
      UUID commandId =
          publish(
              new RewardRedeemed(
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  "carol",
                  UUID.randomUUID(),
                  500,
                  "voucher",
                  new BigDecimal("5.00"),
                  10,
                  Instant.now()));

      await().atMost(DELIVERY).until(() -> hasCommand(carol, "rewardRedeemed", commandId));

      assertThat(hasCommand(carol, "pointsUpdated", commandId)).isTrue();
      assertThat(
              carol
                  .frames("rewardRedeemed")
                  .get(0)
                  .path("data")
                  .path("reward")
                  .path("remainingPoints")
                  .asLong())
          .isEqualTo(10);
    }
  }

  @Test
  void rejectedRedemptionsArriveAsRedemptionRejected() {
    try (var dave = WebSocketTestClient.connect(ws(port, "?userId=dave"))) {
      awaitConnected(dave);
      UUID commandId =
          publish(
              new RedemptionRejected(
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  "dave",
                  RedemptionRejected.INSUFFICIENT_POINTS,
                  1000,
                  105,
                  Instant.now()));

      await().atMost(DELIVERY).until(() -> hasCommand(dave, "redemptionRejected", commandId));

      JsonNode data = dave.frames("redemptionRejected").get(0).path("data");
      assertThat(data.path("reason").asString()).isEqualTo("INSUFFICIENT_POINTS");
      assertThat(data.path("requiredPoints").asLong()).isEqualTo(1000);
      assertThat(data.path("availablePoints").asLong()).isEqualTo(105);
      assertThat(dave.frames("pointsUpdated")).isEmpty();
    }
  }

  @Test
  void everyInstanceDeliversEveryEventToItsOwnClients() {
    try (var onFirst = WebSocketTestClient.connect(ws(port, "?userId=erin"));
        var onSecond = WebSocketTestClient.connect(ws(secondPort, "?userId=erin"));
        var allOnSecond = WebSocketTestClient.connect(ws(secondPort, ""))) {
      awaitConnected(onFirst, onSecond, allOnSecond);

      UUID commandIds[] = new UUID[5];
      for (int i = 0; i < commandIds.length; i++) {
        commandIds[i] = publish(earned("erin", 10, 10L * (i + 1)));
      }

      for (UUID commandId : commandIds) {
        await().atMost(DELIVERY).until(() -> hasCommand(onFirst, "pointsUpdated", commandId));
        await().atMost(DELIVERY).until(() -> hasCommand(onSecond, "pointsUpdated", commandId));
        await().atMost(DELIVERY).until(() -> hasCommand(allOnSecond, "pointsUpdated", commandId));
      }
      assertThat(onSecond.frames("pointsUpdated"))
          .extracting(f -> f.path("data").path("totalPoints").asLong())
          .containsExactly(10L, 20L, 30L, 40L, 50L);
    }
  }

  @Test
  void commitsNoOffsetsForItsConsumerGroupOfItsOwn() {
    try (var frank = WebSocketTestClient.connect(ws(port, "?userId=frank"))) {
      awaitConnected(frank);
      UUID commandId = publish(earned("frank", 10, 10));
      await().atMost(DELIVERY).until(() -> hasCommand(frank, "pointsUpdated", commandId));
    }

    KafkaTestClients.assertNoOffsetsCommitted(
        broker.getBrokersAsString(), instance.consumerGroup());
  }

  @Test
  void theCommandLineClientPrintsTheEventsOfTheUserItFollows() throws Exception {
    Path source = Path.of("src/main/java/dev/rewards/notifier/cli/WatchEvents.java");
    Process cli =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(),
                "--url",
                "ws://127.0.0.1:" + port + "/ws/rewards",
                "--user",
                "frank",
                "--count",
                "1")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () ->
                new BufferedReader(new InputStreamReader(cli.getInputStream()))
                    .lines()
                    .forEach(lines::add));
    reader.start();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> lines.stream().anyMatch(l -> l.contains("connected")));
      publish(earned("someone-else", 1, 1));
      UUID commandId = publish(earned("frank", 7, 7));

      assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("exits after --count 1").isTrue();
      reader.join(5_000);
      assertThat(lines)
          .anyMatch(l -> l.contains("pointsUpdated") && l.contains(commandId.toString()));
      assertThat(lines).noneMatch(l -> l.contains("someone-else"));
    } finally {
      cli.destroyForcibly();
    }
  }

  @Test
  void refusesAHandshakeWithAMalformedUserId() {
    assertThatThrownBy(() -> WebSocketTestClient.connect(ws(port, "?userId=..%2F..%2Fetc")))
        .rootCause()
        .hasMessageContaining("400");
  }

  @Test
  void servesTheTestPage() throws Exception {
    HttpResponse<String> page = get(port, "/websocket-test.html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/ws/rewards");
    assertThat(get(port, "/websocket-test/config.json").body()).contains("apiUrl");
  }

  private UUID publish(RewardsEvent event) {
    try {
      ledger.send(new ProducerRecord<>(Topics.EVENTS, event.userId(), event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return event.commandId();
  }

  private static PointsEarned earned(String userId, long points, long newBalance) {
    Instant now = Instant.now();
    return new PointsEarned(
        UUID.randomUUID(),
        UUID.randomUUID(),
        userId,
        UUID.randomUUID(),
        points,
        "shopping",
        new BigDecimal("10.00"),
        now,
        newBalance,
        now);
  }

  private static boolean hasCommand(WebSocketTestClient client, String event, UUID commandId) {
    return client.frames(event).stream()
        .anyMatch(f -> commandId.toString().equals(f.path("data").path("commandId").asString()));
  }

  private static void awaitConnected(WebSocketTestClient... clients) {
    for (WebSocketTestClient client : clients) {
      await().atMost(DELIVERY).until(() -> !client.frames("connected").isEmpty());
    }
  }

  private static URI ws(int port, String query) {
    return URI.create("ws://127.0.0.1:" + port + "/ws/rewards" + query);
  }

  private static boolean ready(int port) throws Exception {
    return get(port, "/actuator/health/readiness").statusCode() == 200;
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
