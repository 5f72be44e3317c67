package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.LedgerWorkerApplication;
import dev.rewards.support.testing.EmbeddedStores;
import dev.rewards.support.testing.KafkaTestClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Two ledger-worker instances share the commands; while a stream flows, one is shut down gracefully
 * and started again, then the other's listener is stopped and started — a rolling restart. Every
 * command must end with exactly one outcome and every balance must be exact.
 */
@LedgerIntegrationTest
class RollingRestartTests {

  @Autowired EmbeddedKafkaBroker broker;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MongoTemplate mongo;

  @Test
  void appliesEveryCommandOnceAcrossARollingRestart() throws Exception {
    Map<String, Long> expected = new HashMap<>();
    List<EarnPoints> sent = new ArrayList<>();
    ConfigurableApplicationContext second = startSecondInstance();
    try (Producer<String, Object> producer =
            KafkaTestClients.producer(broker.getBrokersAsString());
        Consumer<String, RewardsEvent> events =
            KafkaTestClients.eventConsumer(broker.getBrokersAsString())) {
      events.subscribe(List.of(Topics.EVENTS));
      for (int i = 0; i < 300; i++) {
        String user = "rolling-" + (i % 12);
        EarnPoints earn =
            new EarnPoints(
                UUID.randomUUID(),
                user,
                1 + i % 7,
                "shopping",
                BigDecimal.TEN,
                Instant.now(),
                Instant.now());
        producer.send(new ProducerRecord<>(Topics.COMMANDS, user, earn));
        sent.add(earn);
        expected.merge(user, earn.points(), Long::sum);
        if (i == 80) {
          second.close(); // graceful: finishes or hands back its batch
        }
        if (i == 140) {
          second = startSecondInstance();
        }
        if (i == 200) {
          listeners.getListenerContainer(CommandListener.ID).stop();
        }
        if (i == 250) {
          listeners.getListenerContainer(CommandListener.ID).start();
        }
      }
      producer.flush();

      Map<UUID, Integer> outcomes = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                KafkaTestClients.drain(events, Duration.ofMillis(300))
                    .forEach(r -> outcomes.merge(r.value().commandId(), 1, Integer::sum));
                return sent.stream().allMatch(c -> outcomes.containsKey(c.commandId()));
              });
      KafkaTestClients.drain(events, Duration.ofSeconds(2))
          .forEach(r -> outcomes.merge(r.value().commandId(), 1, Integer::sum));

      for (EarnPoints command : sent) {
        assertThat(outcomes.get(command.commandId())).as("outcomes of one command").isEqualTo(1);
      }
      expected.forEach(
          (user, points) -> {
            Document account =
                mongo.getCollection("accounts").find(new Document("_id", user)).first();
            assertThat(((Number) account.get("balance")).longValue()).as(user).isEqualTo(points);
          });
    } finally {
      second.close();
    }
  }

  private ConfigurableApplicationContext startSecondInstance() {
    return new SpringApplicationBuilder(LedgerWorkerApplication.class)
        .run(
            "--server.port=0",
            "--rewards.kafka.partitions=3",
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--spring.mongodb.uri=" + EmbeddedStores.mongoUri(),
            "--spring.data.redis.url=redis://127.0.0.1:" + EmbeddedStores.redisPort());
  }
}
