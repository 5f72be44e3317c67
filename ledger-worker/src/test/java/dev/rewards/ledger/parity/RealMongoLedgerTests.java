package dev.rewards.ledger.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.account.AccountContentionException;
import dev.rewards.ledger.account.AccountStore;
import dev.rewards.ledger.account.CommandLog;
import dev.rewards.ledger.account.LedgerBatch;
import dev.rewards.ledger.account.LedgerEntries;
import dev.rewards.ledger.account.LedgerOutcome;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.account.RedemptionRace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The ledger's version-checked account upserts and duplicate-key handling on a real MongoDB replica
 * set — the only place real MongoDB semantics are exercised (elsewhere: mongo-java-server). Runs
 * wherever a Docker engine answers; skipped cleanly where none does.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealMongoLedgerTests {

  private static final String SOURCE = "rewards.commands-0@1";

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  private MongoClient client;
  private MongoDatabase db;
  private PointsLedger ledger;

  @BeforeAll
  void connect() {
    client = MongoClients.create(MONGO.getReplicaSetUrl("rewards"));
    db = client.getDatabase("rewards");
    ledger =
        new PointsLedger(
            new AccountStore(db, 100),
            new LedgerEntries(db),
            new CommandLog(db),
            Clock.systemUTC());
  }

  @AfterAll
  void disconnect() {
    client.close();
  }

  @Test
  void neverOverdrawsUnderConcurrentRedemptions() throws Exception {
    ledger.apply(earn("hot", 50_000), SOURCE);
    List<RewardsEvent> outcomes = RedemptionRace.run(ledger, "hot", 500, 500, SOURCE);

    assertThat(outcomes).filteredOn(e -> e instanceof RewardRedeemed).hasSize(100);
    assertThat(outcomes).filteredOn(e -> e instanceof RedemptionRejected).hasSize(400);
    assertThat(
            db.getCollection("accounts")
                .find(new Document("_id", "hot"))
                .first()
                .get("balance", Number.class)
                .longValue())
        .isZero();
    assertThat(db.getCollection("redemptions").countDocuments(new Document("userId", "hot")))
        .isEqualTo(100);
  }

  @Test
  void appliesARepeatedCommandOnce() {
    EarnPoints earn = earn("twice", 70);

    ledger.apply(earn, SOURCE);
    ledger.apply(earn, SOURCE);

    assertThat(
            db.getCollection("accounts")
                .find(new Document("_id", "twice"))
                .first()
                .get("balance", Number.class)
                .longValue())
        .isEqualTo(70);
    assertThat(db.getCollection("transactions").countDocuments(new Document("userId", "twice")))
        .isEqualTo(1);
  }

  @Test
  void refusesABatchWhoseAccountChangedSinceItWasRead() {
    EarnPoints first = earn("racer", 10);
    EarnPoints second = earn("racer", 20);
    LedgerBatch winner = ledger.startBatch(List.of(first));
    LedgerBatch loser = ledger.startBatch(List.of(second));
    ledger.apply(first, "rewards.commands-0@1", winner);
    ledger.apply(second, "rewards.commands-0@2", loser);

    winner.flush();

    // MongoDB must answer the loser's upsert, whose {_id, version} misses, with a duplicate key
    assertThatThrownBy(loser::flush).isInstanceOf(AccountContentionException.class);
    assertThat(
            db.getCollection("accounts")
                .find(new Document("_id", "racer"))
                .first()
                .get("balance", Number.class)
                .longValue())
        .isEqualTo(10);
  }

  @Test
  void writesALedgerEntryOnceWhenItIsRecordedAgain() {
    EarnPoints earn = earn("recorded", 5);
    LedgerOutcome outcome = ledger.apply(earn, SOURCE);

    // as after a crash between the entry write and the command-log write: the entry's id, derived
    // from the command, meets MongoDB's duplicate-key error, which must be taken as "already there"
    new LedgerEntries(db).recordAll(LedgerEntries.entriesFor(earn, outcome));

    assertThat(db.getCollection("transactions").countDocuments(new Document("userId", "recorded")))
        .isEqualTo(1);
  }

  private static EarnPoints earn(String userId, long points) {
    Instant now = Instant.now();
    return new EarnPoints(UUID.randomUUID(), userId, points, "shopping", BigDecimal.TEN, now, now);
  }
}
