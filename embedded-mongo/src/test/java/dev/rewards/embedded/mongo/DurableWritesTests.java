package dev.rewards.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the store acknowledged survives the store's process being killed outright (SIGKILL) right
 * after: the ledger commits its Kafka transaction, and the API publishes a command, only after
 * their store writes were acknowledged, so a write lost after its acknowledgement is a balance
 * change or an idempotency key lost while its outcome stands.
 */
class DurableWritesTests {

  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveTheStoreProcessBeingKilled() throws Exception {
    String file = dir.resolve("rewards.mv").toString();
    Process store =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreProcess.class.getName(),
                file,
                String.valueOf(freePort()))
            .redirectErrorStream(true)
            .start();
    int port = portOf(store);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> accounts = client.getDatabase("rewards").getCollection("accounts");
      accounts.insertOne(new Document("_id", "ann").append("balance", 100L));
      accounts.updateOne(Filters.eq("_id", "ann"), Updates.inc("balance", 50L));
      store.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
      assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    MongoServer reopened = new MongoServer(SnapshotH2Backend.inFile(file));
    var address = reopened.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      Document ann =
          client
              .getDatabase("rewards")
              .getCollection("accounts")
              .find(Filters.eq("_id", "ann"))
              .first();
      assertThat(ann).isNotNull();
      assertThat(ann.get("balance", Number.class).longValue()).isEqualTo(150L);
    } finally {
      reopened.shutdownNow();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int portOf(Process store) throws Exception {
    var lines =
        new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("PORT ")) {
        return Integer.parseInt(line.substring(5).trim());
      }
    }
    throw new IllegalStateException("the store process ended before it served");
  }
}
