package dev.rewards.ledger.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * ledger-worker's main flow against the production servers: a real Kafka broker (KRaft), a MongoDB
 * replica set and Redis. Runs wherever a Docker engine answers; skipped cleanly where none does.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
    properties = {"rewards.kafka.partitions=3", "LEDGER_PORT=0", "rewards.expiry.enabled=false"})
class RealInfrastructureFlowTests {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");
  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Container
  static final GenericContainer<?> REDIS =
      new GenericContainer<>("redis:7.4").withExposedPorts(6379);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("rewards"));
    registry.add(
        "spring.data.redis.url",
        () -> "redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379));
  }

  @Test
  void appliesEarnAndRedeemAndAnnouncesEachOutcomeOnce() {
    Instant now = Instant.now();
    EarnPoints earn =
        new EarnPoints(UUID.randomUUID(), "real", 600, "shopping", BigDecimal.TEN, now, now);
    RedeemPoints redeem =
        new RedeemPoints(UUID.randomUUID(), "real", 500, "voucher", new BigDecimal("5.00"), now);
    RedeemPoints refused =
        new RedeemPoints(UUID.randomUUID(), "real", 500, "voucher", new BigDecimal("5.00"), now);

    try (Producer<String, Object> producer =
            KafkaTestClients.producer(KAFKA.getBootstrapServers());
        Consumer<String, RewardsEvent> events =
            KafkaTestClients.eventConsumer(KAFKA.getBootstrapServers())) {
      events.subscribe(List.of(Topics.EVENTS));
      for (Object command : List.of(earn, earn, redeem, refused)) { // the earn is delivered twice
        producer.send(new ProducerRecord<>(Topics.COMMANDS, "real", command));
      }
      producer.flush();

      List<RewardsEvent> outcomes = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                KafkaTestClients.drain(events, Duration.ofMillis(500))
                    .forEach(r -> outcomes.add(r.value()));
                return outcomes.stream().anyMatch(e -> e.commandId().equals(refused.commandId()));
              });

      assertThat(outcomes).filteredOn(e -> e instanceof PointsEarned).hasSize(1);
      assertThat(outcomes)
          .filteredOn(e -> e instanceof RewardRedeemed)
          .singleElement()
          .satisfies(e -> assertThat(((RewardRedeemed) e).remainingPoints()).isEqualTo(100));
      assertThat(outcomes).filteredOn(e -> e instanceof RedemptionRejected).hasSize(1);
    }
  }
}
