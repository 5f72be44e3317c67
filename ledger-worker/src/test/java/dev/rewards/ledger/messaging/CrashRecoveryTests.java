package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.cache.BalanceCacheUpdater;
import dev.rewards.support.testing.KafkaTestClients;
import dev.rewards.support.testing.SpyStubbing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A failure after the ledger writes and before the outcome is published (here: the cache refresh
 * throws once) rolls back the Kafka transaction; the redelivered command must not be applied again,
 * and exactly one outcome event must become visible.
 */
@LedgerIntegrationTest
// The cache's eviction retry is scheduled on the spied updater, from the scheduler's thread, and
// Mockito's stubbing is not thread-safe: a retry while a test stubs the spy took the stubbing for
// itself (SpyStubbing pauses the listener, not the scheduler). Here it runs once, at start.
@TestPropertySource(properties = "rewards.cache.retry-interval=1h")
class CrashRecoveryTests {

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired MongoTemplate mongo;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @MockitoSpyBean BalanceCacheUpdater cache;
  @MockitoSpyBean PointsLedger ledger;

  @Test
  void appliesOnceAndAnnouncesOnceWhenACrashFollowsTheLedgerWrites() {
    SpyStubbing.whilePaused(
        ledgerListener(),
        () ->
            doThrow(new IllegalStateException("simulated crash after the ledger writes"))
                .doCallRealMethod()
                .when(cache)
                .refreshAll(argThat(balances -> balances.containsKey("crashy"))));
    EarnPoints earn =
        new EarnPoints(
            UUID.randomUUID(),
            "crashy",
            75,
            "shopping",
            BigDecimal.ONE,
            Instant.now(),
            Instant.now());

    try (Producer<String, Object> producer = KafkaTestClients.producer(bootstrapServers);
        Consumer<String, RewardsEvent> events = KafkaTestClients.eventConsumer(bootstrapServers)) {
      events.subscribe(List.of(Topics.EVENTS));
      producer.send(new ProducerRecord<>(Topics.COMMANDS, "crashy", earn));
      producer.flush();

      List<RewardsEvent> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                events.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return !received.isEmpty();
              });
      KafkaTestClients.drain(events, Duration.ofSeconds(2)).forEach(r -> received.add(r.value()));
      received.removeIf(event -> !event.userId().equals("crashy")); // the other test's events

      assertThat(received).hasSize(1);
      assertThat(((PointsEarned) received.get(0)).newBalance()).isEqualTo(75);
    }
    Document account = mongo.getCollection("accounts").find(new Document("_id", "crashy")).first();
    assertThat(account.get("balance", Number.class).longValue()).isEqualTo(75);
    assertThat(mongo.getCollection("transactions").countDocuments(new Document("userId", "crashy")))
        .isEqualTo(1);
  }

  @Test
  void deadLettersACommandThatFailsEveryTimeRejectsItAndKeepsThePartitionFlowing() {
    EarnPoints doomed = earn("doomed", 10);
    EarnPoints after = earn("doomed", 20);
    EarnPoints neighbour = earn("doomed-neighbour", 30);
    SpyStubbing.whilePaused(
        ledgerListener(),
        () ->
            doThrow(new IllegalArgumentException("this command can never be applied"))
                .when(ledger)
                .apply(
                    argThat(c -> c != null && c.commandId().equals(doomed.commandId())),
                    any(),
                    any()));

    try (Producer<String, Object> producer = KafkaTestClients.producer(bootstrapServers);
        Consumer<String, RewardsEvent> events = KafkaTestClients.eventConsumer(bootstrapServers);
        Consumer<String, byte[]> deadLetters = KafkaTestClients.rawConsumer(bootstrapServers)) {
      events.subscribe(List.of(Topics.EVENTS));
      deadLetters.subscribe(List.of(Topics.COMMANDS_DEAD_LETTER));
      producer.send(new ProducerRecord<>(Topics.COMMANDS, "doomed", doomed));
      producer.send(new ProducerRecord<>(Topics.COMMANDS, "doomed", after));
      producer.send(new ProducerRecord<>(Topics.COMMANDS, "doomed-neighbour", neighbour));
      producer.flush();

      List<RewardsEvent> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                events.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return received.stream().anyMatch(e -> e.commandId().equals(after.commandId()))
                    && received.stream().anyMatch(e -> e.commandId().equals(neighbour.commandId()));
              });
      KafkaTestClients.drain(events, Duration.ofSeconds(1)).forEach(r -> received.add(r.value()));
      List<byte[]> dead = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                KafkaTestClients.drain(deadLetters, Duration.ofMillis(300))
                    .forEach(r -> dead.add(r.value()));
                return !dead.isEmpty();
              });

      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0), java.nio.charset.StandardCharsets.UTF_8))
          .contains(doomed.commandId().toString());
      assertThat(received)
          .filteredOn(e -> e.commandId().equals(doomed.commandId()))
          .singleElement()
          .isInstanceOfSatisfying(
              CommandRejected.class,
              rejected -> assertThat(rejected.reason()).isEqualTo(CommandRejected.DEAD_LETTERED));
      assertThat(received)
          .filteredOn(e -> e.commandId().equals(neighbour.commandId()))
          .singleElement()
          .isInstanceOf(PointsEarned.class);
      assertThat(statusOf(doomed.commandId())).isEqualTo("REJECTED");
      assertThat(statusOf(neighbour.commandId())).isEqualTo("APPLIED");
      assertThat(
              mongo
                  .getCollection(RecordFailures.COLLECTION)
                  .countDocuments(
                      new Document("lastError", new Document("$regex", "never be applied"))))
          .as("the failure count is dropped once the record is dead-lettered")
          .isZero();
      assertThat(
              ((PointsEarned)
                      received.stream()
                          .filter(e -> e.commandId().equals(after.commandId()))
                          .findFirst()
                          .orElseThrow())
                  .newBalance())
          .isEqualTo(20);
    }
  }

  private MessageListenerContainer ledgerListener() {
    return listeners.getListenerContainer(CommandListener.ID);
  }

  private String statusOf(UUID commandId) {
    return mongo
        .getCollection("commands")
        .find(new Document("_id", commandId.toString()))
        .first()
        .getString("status");
  }

  private static EarnPoints earn(String userId, long points) {
    return new EarnPoints(
        UUID.randomUUID(),
        userId,
        points,
        "shopping",
        BigDecimal.ONE,
        Instant.now(),
        Instant.now());
  }
}
