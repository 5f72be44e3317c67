package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.support.cache.BalanceCache;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFlowTests {

  @LocalServerPort int port;

  // the context's own broker: another test context's broker may own the system property by now
  @Autowired EmbeddedKafkaBroker broker;

  @Autowired MongoTemplate mongo;
  @Autowired BalanceCache cache;

  private ApiClient api;
  private CommandsTopic commands;

  @BeforeAll
  void connect() {
    api = new ApiClient(port);
    commands = new CommandsTopic(broker.getBrokersAsString());
  }

  @AfterAll
  void disconnect() {
    commands.close();
  }

  @Test
  void createsAUser() {
    ApiClient.Response created = createUser("alice", "alice@example.com");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("id").asString()).isEqualTo("alice");
    assertThat(created.json().get("email").asString()).isEqualTo("alice@example.com");
  }

  @Test
  void refusesATakenIdOrEmail() {
    createUser("bob", "bob@example.com");

    ApiClient.Response sameId = createUser("bob", "other@example.com");
    ApiClient.Response sameEmail = createUser("bobby", "BOB@example.com");

    assertThat(sameId.status()).isEqualTo(409);
    assertThat(sameId.json().get("field").asString()).isEqualTo("id");
    assertThat(sameEmail.status()).isEqualTo(409);
    assertThat(sameEmail.json().get("field").asString()).isEqualTo("email");
  }

  @Test
  void acceptsAPurchaseOnlyOnceItIsOnTheBroker() {
    createUser("carol", "carol@example.com");

    ApiClient.Response accepted =
        api.post(
            "/rewards/add-points/carol",
            "{\"category\":\"dining\",\"amount\":101.99,\"timestamp\":\"2024-01-20T18:30:00Z\"}");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("status").asString()).isEqualTo("PENDING");
    UUID commandId = UUID.fromString(accepted.json().get("commandId").asString());
    assertThat(accepted.header("Location")).isEqualTo("/rewards/commands/" + commandId);
    EarnPoints published = (EarnPoints) awaitCommand(commandId).value();
    assertThat(published.points()).isEqualTo(50); // 101.99 × 0.5, rounded down
    assertThat(published.purchasedAt()).isEqualTo(Instant.parse("2024-01-20T18:30:00Z"));
    assertThat(api.get("/rewards/commands/" + commandId).json().get("status").asString())
        .isEqualTo("PENDING");
  }

  @Test
  void countsAcceptedCommandsAndBalanceCacheHitsInPrometheus() {
    createUser("metered", "metered@example.com");
    api.post("/rewards/add-points/metered", "{\"points\":5,\"category\":\"a\",\"amount\":1}");
    api.get("/rewards/points/metered"); // a miss, which refills the cache
    api.get("/rewards/points/metered"); // a hit

    String metrics =
        api.get("/actuator/prometheus", Map.of("Authorization", "Bearer test-admin-token"))
            .raw()
            .body();

    assertThat(metrics)
        .containsPattern("rewards_commands_accepted_total\\{[^}]*type=\"EARN\"[^}]*\\} [1-9]")
        .containsPattern("rewards_balance_cache_total\\{[^}]*result=\"hit\"[^}]*\\} [1-9]")
        .containsPattern("rewards_balance_cache_total\\{[^}]*result=\"miss\"[^}]*\\} [1-9]");
  }

  @Test
  void keysCommandsByUser() {
    createUser("dave", "dave@example.com");

    UUID commandId =
        UUID.fromString(
            api.post("/rewards/add-points/dave", "{\"points\":5,\"category\":\"x\",\"amount\":1}")
                .json()
                .get("commandId")
                .asString());

    assertThat(awaitCommand(commandId).key()).isEqualTo("dave");
  }

  @Test
  void publishesTheCommandUnderTheCallersTraceOrANewOne() {
    createUser("traced", "traced@example.com");
    String callersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";

    UUID continued =
        commandIdOf(
            api.post(
                "/rewards/add-points/traced",
                "{\"points\":5,\"category\":\"x\",\"amount\":1}",
                java.util.Map.of("traceparent", "00-" + callersTrace + "-00f067aa0ba902b7-01")));
    UUID started =
        commandIdOf(
            api.post(
                "/rewards/add-points/traced", "{\"points\":6,\"category\":\"x\",\"amount\":1}"));

    assertThat(traceparentOf(continued)).startsWith("00-" + callersTrace + "-");
    assertThat(traceparentOf(started))
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
        .doesNotContain(callersTrace);
  }

  private static UUID commandIdOf(ApiClient.Response accepted) {
    return UUID.fromString(accepted.json().get("commandId").asString());
  }

  private String traceparentOf(UUID commandId) {
    var header = awaitCommand(commandId).headers().lastHeader("traceparent");
    assertThat(header).as("traceparent header of command " + commandId).isNotNull();
    return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void answers404ForAnUnknownUser() {
    ApiClient.Response response =
        api.post("/rewards/add-points/nobody", "{\"points\":5,\"category\":\"x\",\"amount\":1}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.get("/rewards/points/nobody").status()).isEqualTo(404);
  }

  @Test
  void readsTheBalanceFromTheStoreAndCachesItWithItsVersion() {
    createUser("erin", "erin@example.com");
    mongo
        .getCollection("accounts")
        .insertOne(
            new Document("_id", "erin")
                .append("balance", 70L)
                .append("version", 3L)
                .append("lifetimePoints", 90L)
                .append("heldPoints", 20L)
                .append(
                    "nextExpiry",
                    new Document("at", java.util.Date.from(Instant.parse("2027-02-01T00:00:00Z")))
                        .append("points", 30L)));

    ApiClient.Response balance = api.get("/rewards/points/erin");

    assertThat(balance.json().get("totalPoints").asLong()).isEqualTo(70);
    assertThat(balance.json().get("availablePoints").asLong()).isEqualTo(50);
    assertThat(balance.json().get("heldPoints").asLong()).isEqualTo(20);
    assertThat(balance.json().get("lifetimePoints").asLong()).isEqualTo(90);
    assertThat(balance.json().get("tier").asString()).isEqualTo("bronze");
    assertThat(balance.json().get("nextExpiry").get("points").asLong()).isEqualTo(30);
    assertThat(balance.json().get("nextExpiry").get("expiresAt").asString())
        .isEqualTo("2027-02-01T00:00:00Z");
    assertThat(cache.get("erin"))
        .contains(
            new BalanceCache.CachedBalance(
                3,
                70,
                90,
                new BalanceCache.NextExpiry(Instant.parse("2027-02-01T00:00:00Z"), 30),
                20));
  }

  @Test
  void listsTheTiersLowestFirstAndPlacesAUserByLifetimePointsNotBalance() {
    createUser("tiered", "tiered@example.com");
    // spent most of it: the balance is low, the lifetime points are not
    cache.putIfNewer("tiered", new BalanceCache.CachedBalance(9, 40, 5_000));

    ApiClient.Response tiers = api.get("/rewards/tiers");
    JsonNode balance = api.get("/rewards/points/tiered").json();

    assertThat(tiers.json())
        .extracting(t -> t.get("name").asString() + ":" + t.get("minLifetimePoints").asLong())
        .containsExactly("bronze:0", "silver:1000", "gold:5000");
    assertThat(balance.get("totalPoints").asLong()).isEqualTo(40);
    assertThat(balance.get("tier").asString()).isEqualTo("gold");
  }

  @Test
  void servesTheNewerBalanceTheLedgerCached() {
    createUser("frank", "frank@example.com");
    mongo
        .getCollection("accounts")
        .insertOne(new Document("_id", "frank").append("balance", 10L).append("version", 1L));
    // what ledger-worker does before announcing an outcome
    cache.putIfNewer("frank", new BalanceCache.CachedBalance(2, 25, 25));

    assertThat(api.get("/rewards/points/frank").json().get("totalPoints").asLong()).isEqualTo(25);
  }

  @Test
  void answersZeroForAUserWithoutPointsYet() {
    createUser("gina", "gina@example.com");

    assertThat(api.get("/rewards/points/gina").json().get("totalPoints").asLong()).isZero();
  }

  @Test
  void answers404ForACommandNeverAccepted() {
    assertThat(api.get("/rewards/commands/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(api.get("/rewards/commands/not-a-uuid").status()).isEqualTo(400);
  }

  private ApiClient.Response createUser(String id, String email) {
    return api.post(
        "/rewards/create-user",
        "{\"id\":\"%s\",\"name\":\"%s\",\"email\":\"%s\"}".formatted(id, id, email));
  }

  private ConsumerRecord<String, RewardsCommand> awaitCommand(UUID commandId) {
    return commands.await(commandId);
  }
}
