package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.rewards.ledger.InMemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordFailuresTests {

  private static final String SOURCE = "rewards.commands-4@1234";

  private InMemoryStore store;
  private MongoDatabase db;

  @BeforeEach
  void startStore() {
    store = InMemoryStore.start();
    db = store.database();
  }

  @AfterEach
  void stopStore() {
    store.close();
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
