package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.Topics;
import dev.rewards.support.testing.EmbeddedStores;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@code REWARDS_MAX_LAG}: with no ledger consuming, the commands it has not applied pile up until
 * writes are refused with 503 and {@code Retry-After}; once the ledger group commits past them,
 * writes are accepted again. The broker is this class's own, so the lag is only what it sends.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rewards.kafka.partitions=3",
      "rewards.backpressure.max-lag=3",
      "rewards.backpressure.refresh=100ms",
      "rewards.backpressure.ledger-group=" + BackpressureTests.LEDGER_GROUP,
      "rewards.security.admin-token=test-admin-token"
    })
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = "auto.create.topics.enable=false")
@ContextConfiguration(initializers = EmbeddedStores.class)
class BackpressureTests {

  static final String LEDGER_GROUP = "backpressure-ledger";
  private static final String EARN = "{\"points\":5,\"category\":\"x\",\"amount\":1}";

  @LocalServerPort int port;
  @Autowired EmbeddedKafkaBroker broker;

  @Test
  void refusesWritesWith503AndRetryAfterWhileTheLedgerIsTooFarBehindThenAcceptsAgain()
      throws Exception {
    ApiClient api = new ApiClient(port);
    api.post(
        "/rewards/create-user", "{\"id\":\"flooded\",\"name\":\"F\",\"email\":\"f@example.com\"}");

    long accepted = 0;
    ApiClient.Response refused = null;
    for (int i = 0; i < 200 && refused == null; i++) {
      ApiClient.Response response = api.post("/rewards/add-points/flooded", EARN);
      if (response.status() == 202) {
        accepted++;
        Thread.sleep(20); // give the background reading a chance to see the pile
      } else {
        refused = response;
      }
    }

    assertThat(refused).as("a write refused once the lag passed 3").isNotNull();
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.json().get("title").asString()).isEqualTo("Service overloaded");
    assertThat(accepted).isGreaterThan(3);
    assertThat(commandsOnTheTopic()).as("nothing refused was published").isEqualTo(accepted);

    ApiClient.Response batch =
        api.post(
            "/rewards/add-points-batch",
            "{\"purchases\":[{\"userId\":\"flooded\",\"category\":\"x\",\"amount\":3}]}");
    assertThat(batch.status()).as("a batch is refused whole").isEqualTo(503);
    assertThat(batch.header("Retry-After")).isNotNull();

    ledgerCatchesUp();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.post("/rewards/add-points/flooded", EARN).status() == 202);
  }

  private long commandsOnTheTopic() throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < 3; p++) {
        latest.put(new TopicPartition(Topics.COMMANDS, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }
  }

  /** Commits the ledger group at the end of every partition, as a ledger done with them would. */
  private void ledgerCatchesUp() throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < 3; p++) {
        latest.put(new TopicPartition(Topics.COMMANDS, p), OffsetSpec.latest());
      }
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((partition, info) -> done.put(partition, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(LEDGER_GROUP, done).all().get();
    }
  }

  private Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
  }
}
