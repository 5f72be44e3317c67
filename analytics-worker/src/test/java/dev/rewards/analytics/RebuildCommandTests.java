package dev.rewards.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.rewards.support.testing.EmbeddedStores;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The operator's command, {@code analytics-worker rebuild}, as a process would run it. */
@EmbeddedKafka(topics = "rewards.events", partitions = 3)
class RebuildCommandTests {

  @Test
  void rebuildsFromTheLedgerAndExitsWithZero() {
    EmbeddedStores.start();
    EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    try (MongoClient client = MongoClients.create(EmbeddedStores.mongoUri())) {
      MongoDatabase database = client.getDatabase("rewards");
      database.getCollection("transactions").deleteMany(new Document("userId", "cmd-user"));
      database
          .getCollection("transactions")
          .insertOne(
              new Document("_id", "cmd-t1")
                  .append("userId", "cmd-user")
                  .append("commandId", "cmd-c1")
                  .append("category", "command-line")
                  .append("pointsEarned", 42L)
                  .append("amount", "84.00"));
      database
          .getCollection("accounts")
          .insertOne(
              new Document("_id", "cmd-user")
                  .append("balance", 42L)
                  .append("journal", List.of(new Document("c", "cmd-c1"))));

      int exitCode =
          AnalyticsWorkerApplication.rebuild(
              "rebuild",
              "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
              "--spring.mongodb.uri=" + EmbeddedStores.mongoUri(),
              "--rewards.kafka.partitions=3");

      assertThat(exitCode).isZero();
      Document user =
          database.getCollection("analytics_users").find(new Document("_id", "cmd-user")).first();
      assertThat(user.getLong("balance")).isEqualTo(42L);
      assertThat(user.getList("recent", String.class)).containsExactly("cmd-c1");
      assertThat(database.getCollection("analytics_partitions").countDocuments()).isEqualTo(3);
    }
  }
}
