package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.testing.KafkaTestClients;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every record on the commands topic ends in exactly one outcome, and a command the ledger cannot
 * apply is answered, not half-applied, while its partition keeps flowing.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandTotalityTests {

  private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired MongoTemplate mongo;

  private LedgerTopics topics;

  @BeforeAll
  void connect() {
    topics = new LedgerTopics(bootstrapServers);
  }

  @AfterAll
  void disconnect() {
    topics.close();
  }

  @Test
  void rejectsAPurchaseDatedBeyondWhatTheStoreHoldsAndKeepsThePartitionFlowing() {
    // the request that once wrote the account, failed on the ledger entry, and wedged its
    // partition for ever: a purchase dated in the year 999,999,999
    EarnPoints poison =
        new EarnPoints(
            UUID.randomUUID(),
            "poison1",
            10,
            "x",
            BigDecimal.ONE,
            Instant.parse("+999999999-01-01T00:00:00Z"),
            T0);
    EarnPoints after = earn("poison1", 5);

    publish("poison1", poison);
    publish("poison1", after);

    CommandRejected rejected = (CommandRejected) awaitOutcome(poison.commandId());
    assertThat(rejected.reason()).isEqualTo(CommandRejected.INVALID_COMMAND);
    assertThat(rejected.field()).isEqualTo("purchasedAt");
    assertThat(((PointsEarned) awaitOutcome(after.commandId())).newBalance())
        .as("nothing of the rejected purchase reached the balance")
        .isEqualTo(5);
    assertThat(status(poison.commandId())).isEqualTo("REJECTED");
    assertThat(
            mongo.getCollection("transactions").countDocuments(new Document("userId", "poison1")))
        .isEqualTo(1);
    assertThat(journalOf("poison1")).doesNotContain(poison.commandId().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "points | \"points\":-5,\"category\":\"a\",\"amount\":1",
        "points | \"points\":0,\"category\":\"a\",\"amount\":1",
        "points | \"points\":9223372036854775807,\"category\":\"a\",\"amount\":1",
        "amount | \"points\":5,\"category\":\"a\",\"amount\":0.001",
        "amount | \"points\":5,\"category\":\"a\",\"amount\":1e400",
        "amount | \"points\":5,\"category\":\"a\"",
        "category | \"points\":5,\"category\":\"\",\"amount\":1",
        "category | \"points\":5,\"category\":\"123456789012345678901234567890123456789012345678901\",\"amount\":1",
      })
  void rejectsAForgedEarnNamingTheFieldAtFault(String field, String values) {
    UUID commandId = UUID.randomUUID();
    String forged =
        "{\"type\":\"EarnPoints\",\"commandId\":\"%s\",\"userId\":\"forged\",%s,\"purchasedAt\":\"%s\",\"occurredAt\":\"%s\"}"
            .formatted(commandId, values, T0, T0);

    publishRaw("forged", forged);

    CommandRejected rejected = (CommandRejected) awaitOutcome(commandId);
    assertThat(rejected.reason()).isEqualTo(CommandRejected.INVALID_COMMAND);
    assertThat(rejected.field()).isEqualTo(field);
    assertThat(status(commandId)).isEqualTo("REJECTED");
  }

  @Test
  void rejectsAForgedCommandForAMalformedUserWithoutTouchingAnyAccount() {
    UUID commandId = UUID.randomUUID();
    String userId = "not a user/../x";
    publishRaw(
        userId,
        "{\"type\":\"RedeemPoints\",\"commandId\":\"%s\",\"userId\":\"%s\",\"pointsToRedeem\":500,\"rewardType\":\"voucher\",\"value\":5,\"occurredAt\":\"%s\"}"
            .formatted(commandId, userId, T0));

    CommandRejected rejected = (CommandRejected) awaitOutcome(commandId);
    assertThat(rejected.field()).isEqualTo("userId");
    assertThat(rejected.commandType()).isEqualTo("REDEEM");
    assertThat(mongo.getCollection("accounts").countDocuments(new Document("_id", userId)))
        .isZero();
  }

  @Test
  void deadLettersAnUnreadableCommandAndStillAnswersItsCommandId() {
    UUID commandId = UUID.randomUUID();
    String unreadable =
        "{\"type\":\"EarnPoints\",\"commandId\":\"%s\",\"userId\":\"unreadable\",\"points\":\"many\"}"
            .formatted(commandId);
    EarnPoints after = earn("unreadable", 7);

    try (Consumer<String, byte[]> deadLetters = KafkaTestClients.rawConsumer(bootstrapServers)) {
      deadLetters.subscribe(List.of(Topics.COMMANDS_DEAD_LETTER));
      publishRaw("unreadable", unreadable);
      publish("unreadable", after);

      CommandRejected rejected = (CommandRejected) awaitOutcome(commandId);
      assertThat(rejected.reason()).isEqualTo(CommandRejected.DEAD_LETTERED);
      assertThat(rejected.commandType()).isEqualTo("EARN");
      assertThat(((PointsEarned) awaitOutcome(after.commandId())).newBalance()).isEqualTo(7);
      assertThat(status(commandId)).isEqualTo("REJECTED");
      List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                KafkaTestClients.drain(deadLetters, Duration.ofMillis(300)).stream()
                    .filter(
                        r ->
                            new String(r.value(), StandardCharsets.UTF_8)
                                .contains(commandId.toString()))
                    .forEach(dead::add);
                return !dead.isEmpty();
              });
      assertThat(dead).hasSize(1);
    }
  }

  @Test
  void announcesARejectedCommandOnceHoweverOftenItIsSent() {
    EarnPoints invalid =
        new EarnPoints(
            UUID.randomUUID(),
            "twice-invalid",
            5,
            "a",
            BigDecimal.ONE,
            T0.minusSeconds(Duration.ofDays(365 * 30).toSeconds()),
            T0);
    EarnPoints marker = earn("twice-invalid", 1);

    publish("twice-invalid", invalid);
    publish("twice-invalid", invalid);
    publish("twice-invalid", marker);

    awaitOutcome(marker.commandId());
    assertThat(topics.outcomesOf(invalid.commandId())).hasSize(1);
  }

  private void publish(String key, Object command) {
    topics.publish(key, command);
  }

  private void publishRaw(String key, String json) {
    topics.publish(key, json.getBytes(StandardCharsets.UTF_8));
  }

  private RewardsEvent awaitOutcome(UUID commandId) {
    return topics.awaitOutcome(commandId);
  }

  private String status(UUID commandId) {
    return mongo
        .getCollection("commands")
        .find(new Document("_id", commandId.toString()))
        .first()
        .getString("status");
  }

  private String journalOf(String userId) {
    Document account = mongo.getCollection("accounts").find(new Document("_id", userId)).first();
    return account == null ? "" : String.valueOf(account.get("journal"));
  }

  private static EarnPoints earn(String userId, long points) {
    return new EarnPoints(UUID.randomUUID(), userId, points, "shopping", BigDecimal.TEN, T0, T0);
  }
}
