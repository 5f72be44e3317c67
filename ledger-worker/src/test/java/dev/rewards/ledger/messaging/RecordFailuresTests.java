package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordFailuresTests {

  private static final String SOURCE = "rewards.commands-4@1234";

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase db;

  @BeforeEach
  void startStore() {
    server = new MongoServer(SnapshotH2Backend.inMemory());
    java.net.InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    db = client.getDatabase("rewards");
  }

  @AfterEach
  void stopStore() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aFreshInstanceContinuesTheCountOfTheOneBeforeIt() {
    RecordFailures crashedInstance = new RecordFailures(db);
    crashedInstance.failed(SOURCE, new IllegalStateException("first"));
    crashedInstance.failed(SOURCE, new IllegalStateException("second"));

    RecordFailures freshInstance = new RecordFailures(db);
    RecordFailures.Failure third = freshInstance.failed(SOURCE, new IllegalStateException("third"));

    assertThat(third.count()).isEqualTo(3);
    assertThat(third.exhausted()).isTrue();
    assertThat(freshInstance.of(SOURCE))
        .hasValueSatisfying(f -> assertThat(f.lastError()).contains("third"));
  }

  @Test
  void countsEachRecordApartAndForgetsOneOnceSettled() {
    RecordFailures failures = new RecordFailures(db);
    failures.failed(SOURCE, new IllegalStateException("boom"));
    failures.failed("rewards.commands-4@1235", new IllegalStateException("boom"));

    failures.forget(SOURCE);

    assertThat(failures.of(SOURCE)).isEmpty();
    assertThat(failures.of("rewards.commands-4@1235"))
        .hasValueSatisfying(f -> assertThat(f.exhausted()).isFalse());
  }
}
