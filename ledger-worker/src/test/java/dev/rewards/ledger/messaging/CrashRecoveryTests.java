package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.cache.BalanceCacheUpdater;
import dev.rewards.support.testing.KafkaTestClients;
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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A failure after the ledger writes and before the outcome is published (here: the cache refresh
 * throws once) rolls back the Kafka transaction; the redelivered command must not be applied again,
 * and exactly one outcome event must become visible.
 */
@LedgerIntegrationTest
class CrashRecoveryTests {

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired MongoTemplate mongo;
  @MockitoSpyBean BalanceCacheUpdater cache;

  @Test
  void appliesOnceAndAnnouncesOnceWhenACrashFollowsTheLedgerWrites() {
    doThrow(new IllegalStateException("simulated crash after the ledger writes"))
        .doCallRealMethod()
        .when(cache)
        .refresh(eq("crashy"), any());
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

      assertThat(received).hasSize(1);
      assertThat(((PointsEarned) received.get(0)).newBalance()).isEqualTo(75);
    }
    Document account = mongo.getCollection("accounts").find(new Document("_id", "crashy")).first();
    assertThat(account.get("balance", Number.class).longValue()).isEqualTo(75);
    assertThat(mongo.getCollection("transactions").countDocuments(new Document("userId", "crashy")))
        .isEqualTo(1);
  }
}
