package dev.rewards.support.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A store that accepted the connection and then stopped answering fails a call with a read timeout,
 * instead of holding the caller (an API request, a ledger batch inside its Kafka transaction) for
 * ever.
 */
class StalledStoreTests {

  @Test
  void aCallToAStoreThatStoppedAnsweringFailsWithAReadTimeout() throws Exception {
    MongoServer store = new MongoServer(SnapshotH2Backend.inMemory());
    try (StallingProxy proxy = new StallingProxy(store.bind())) {
      MongoClientSettings.Builder settings =
          MongoClientSettings.builder()
              .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + proxy.port()));
      new RewardsDatabase()
          .failFastWhenTheStoreIsDown(Duration.ofSeconds(3), Duration.ofSeconds(1))
          .customize(settings);
      try (MongoClient client = MongoClients.create(settings.build())) {
        MongoCollection<Document> accounts =
            client.getDatabase("rewards").getCollection("accounts");
        accounts.insertOne(new Document("_id", "before-the-stall"));

        proxy.stall();

        // the guard only ends a hang: without a read timeout the call would never return
        assertTimeoutPreemptively(
            Duration.ofMinutes(1),
            () ->
                assertThatThrownBy(() -> accounts.find(new Document("_id", "x")).first())
                    .isInstanceOf(MongoSocketReadTimeoutException.class));
      }
    } finally {
      store.shutdownNow();
    }
  }
}
