package dev.rewards.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.InMemoryStore;
import dev.rewards.ledger.rules.Account;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsLedgerTests {

  private static final String SOURCE = "rewards.commands-0@1";
  private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

  private InMemoryStore store;
  private MongoDatabase db;
  private AccountStore accounts;
  private PointsLedger ledger;

  @BeforeEach
  void startStore() {
    store = InMemoryStore.start();
    db = store.database();
    accounts = new AccountStore(db, 100);
    ledger =
        new PointsLedger(accounts, new LedgerEntries(db), new CommandLog(db), Clock.systemUTC());
  }

  @AfterEach
  void stopStore() {
    store.close();
  }

  @Test
  void creditsAnEarnAndRecordsItsTransaction() {
    LedgerOutcome outcome = ledger.apply(earn("u1", 50), SOURCE);

    assertThat(outcome.event()).isInstanceOf(PointsEarned.class);
    assertThat(((PointsEarned) outcome.event()).newBalance()).isEqualTo(50);
    assertThat(balance("u1")).isEqualTo(50);
    assertThat(db.getCollection("transactions").countDocuments()).isEqualTo(1);
    assertThat(status(outcome.event().commandId())).isEqualTo("APPLIED");
  }

  @Test
  void appliesDuplicateCommandOnce() {
    EarnPoints command = earn("u1", 50);

    LedgerOutcome first = ledger.apply(command, SOURCE);
    LedgerOutcome again = ledger.apply(command, SOURCE);

    assertThat(again.event()).isEqualTo(first.event());
    assertThat(balance("u1")).isEqualTo(50);
    assertThat(db.getCollection("transactions").countDocuments()).isEqualTo(1);
  }

  @Test
  void rebuildsTheSameOutcomeWhenACrashFollowedTheAccountUpdate() {
    EarnPoints command = earn("u1", 50);
    ledger.apply(earn("u1", 10), SOURCE);
    // the crash: the account was changed, but neither the transaction nor the log was written
    Account account = accounts.read(List.of("u1")).get("u1");
    account.earn(command.commandId(), command.points(), T0, T0.plusSeconds(3600), T0);
    accounts.write(List.of(account));
    ledger.apply(earn("u1", 5), SOURCE); // later commands of the same user were applied too

    LedgerOutcome redone = ledger.apply(command, SOURCE);

    assertThat(balance("u1")).isEqualTo(65);
    assertThat(((PointsEarned) redone.event()).newBalance()).isEqualTo(60);
    assertThat(redone.event().occurredAt()).isEqualTo(T0);
    assertThat(db.getCollection("transactions").countDocuments()).isEqualTo(3);
  }

  @Test
  void rebuildsTheSameOutcomeWhenACrashFollowedTheEntryWrite() {
    EarnPoints command = earn("u1", 50);
    LedgerOutcome original = ledger.apply(command, SOURCE);
    db.getCollection("commands").deleteMany(new Document()); // as if the log write never happened

    LedgerOutcome redone = ledger.apply(command, SOURCE);

    assertThat(redone.event()).isEqualTo(original.event());
    assertThat(balance("u1")).isEqualTo(50);
    assertThat(db.getCollection("transactions").countDocuments()).isEqualTo(1);
  }

  @Test
  void announcesAgainOnlyWhenTheDecidingRecordIsRedelivered() {
    EarnPoints command = earn("u1", 50);
    assertThat(ledger.apply(command, "rewards.commands-0@7").announce()).isTrue();

    assertThat(ledger.apply(command, "rewards.commands-0@7").announce()).isTrue();
    assertThat(ledger.apply(command, "rewards.commands-0@9").announce()).isFalse();
  }

  @Test
  void remembersDecisionsAfterTheyLeaveTheJournal() {
    PointsLedger shortMemory =
        new PointsLedger(
            new AccountStore(db, 2), new LedgerEntries(db), new CommandLog(db), Clock.systemUTC());
    EarnPoints first = earn("u1", 50);
    shortMemory.apply(first, SOURCE);
    for (int i = 0; i < 5; i++) {
      shortMemory.apply(earn("u1", 1), SOURCE);
    }

    shortMemory.apply(first, SOURCE);

    assertThat(balance("u1")).isEqualTo(55);
  }

  @Test
  void writesABatchsAccountsEntriesAndDecisionsWhenItIsFlushed() {
    List<EarnPoints> earns = List.of(earn("u1", 10), earn("u2", 20), earn("u1", 30));
    LedgerBatch batch = ledger.startBatch(earns);
    List<LedgerOutcome> outcomes = new java.util.ArrayList<>();
    for (int i = 0; i < earns.size(); i++) {
      outcomes.add(ledger.apply(earns.get(i), "rewards.commands-0@" + i, batch));
    }

    assertThat(outcomes)
        .extracting(o -> ((PointsEarned) o.event()).newBalance())
        .containsExactly(10L, 20L, 40L);
    assertThat(db.getCollection("accounts").countDocuments()).isZero();
    assertThat(db.getCollection("transactions").countDocuments()).isZero();
    assertThat(db.getCollection("commands").countDocuments()).isZero();

    batch.flush();

    assertThat(balance("u1")).isEqualTo(40);
    assertThat(balance("u2")).isEqualTo(20);
    assertThat(db.getCollection("transactions").countDocuments()).isEqualTo(3);
    assertThat(earns).allSatisfy(e -> assertThat(status(e.commandId())).isEqualTo("APPLIED"));
  }

  @Test
  void appliesOnceABatchRedeliveredAfterACrashBetweenItsAccountAndDecisionWrites() {
    // a journal of 4 holds at most 2 unwritten decisions per account, so a batch of 9 for one
    // account must write early; without that, all 9 would be written to the account before the
    // crash, the journal would remember only the last 4, and the replay would apply 5 again
    AccountStore accounts = new AccountStore(db, 4);
    CommandLog crashingOnce =
        new CommandLog(db) {
          boolean crashed;

          @Override
          public void decideAll(List<PreparedDecision> decisions) {
            if (!crashed) {
              crashed = true;
              throw new IllegalStateException("simulated crash before the decisions are written");
            }
            super.decideAll(decisions);
          }
        };
    PointsLedger crashing =
        new PointsLedger(accounts, new LedgerEntries(db), crashingOnce, Clock.systemUTC());
    List<EarnPoints> earns = new java.util.ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      earns.add(earn("u1", i));
    }
    LedgerBatch crashed = crashing.startBatch(earns);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < earns.size(); i++) {
                crashing.apply(earns.get(i), "rewards.commands-0@" + i, crashed);
              }
              crashed.flush();
            })
        .hasMessageContaining("simulated crash");
    // Kafka redelivers the whole batch

    PointsLedger replaying =
        new PointsLedger(accounts, new LedgerEntries(db), new CommandLog(db), Clock.systemUTC());
    LedgerBatch replay = replaying.startBatch(earns);
    List<LedgerOutcome> outcomes = new java.util.ArrayList<>();
    for (int i = 0; i < earns.size(); i++) {
      outcomes.add(replaying.apply(earns.get(i), "rewards.commands-0@" + i, replay));
    }
    replay.flush();

    assertThat(balance("u1")).isEqualTo(45);
    assertThat(outcomes)
        .extracting(o -> ((PointsEarned) o.event()).newBalance())
        .containsExactly(1L, 3L, 6L, 10L, 15L, 21L, 28L, 36L, 45L);
    assertThat(outcomes).allMatch(LedgerOutcome::announce);
    assertThat(db.getCollection("transactions").countDocuments()).isEqualTo(9);
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

    assertThatThrownBy(loser::flush).isInstanceOf(AccountContentionException.class);
    assertThat(balance("racer")).isEqualTo(10);
    assertThat(db.getCollection("commands").countDocuments()).isEqualTo(1); // the winner's only

    // decided again on the account as it now is
    LedgerOutcome again = ledger.apply(second, "rewards.commands-0@2");
    assertThat(((PointsEarned) again.event()).newBalance()).isEqualTo(30);
    assertThat(balance("racer")).isEqualTo(30);
  }

  @Test
  void appliesACommandTwiceInOneBatchOnceAndAnnouncesItOnce() {
    EarnPoints command = earn("u1", 50);
    LedgerBatch batch = ledger.startBatch(List.of(command, command));

    LedgerOutcome first = ledger.apply(command, "rewards.commands-0@1", batch);
    LedgerOutcome duplicate = ledger.apply(command, "rewards.commands-0@2", batch);
    batch.flush();

    assertThat(first.announce()).isTrue();
    assertThat(duplicate.announce()).isFalse();
    assertThat(duplicate.event()).isEqualTo(first.event());
    assertThat(balance("u1")).isEqualTo(50);
  }

  @Test
  void redeemsWhenTheBalanceCovers() {
    ledger.apply(earn("u1", 1500), SOURCE);

    LedgerOutcome outcome = ledger.apply(redeem("u1", 1000), SOURCE);

    RewardRedeemed redeemed = (RewardRedeemed) outcome.event();
    assertThat(redeemed.remainingPoints()).isEqualTo(500);
    assertThat(redeemed.value()).isEqualByComparingTo("10.00");
    assertThat(balance("u1")).isEqualTo(500);
    assertThat(db.getCollection("redemptions").countDocuments()).isEqualTo(1);
  }

  @Test
  void rejectsRedemptionBeyondBalance() {
    ledger.apply(earn("u1", 400), SOURCE);

    LedgerOutcome outcome = ledger.apply(redeem("u1", 500), SOURCE);

    RedemptionRejected rejected = (RedemptionRejected) outcome.event();
    assertThat(rejected.reason()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(rejected.requiredPoints()).isEqualTo(500);
    assertThat(rejected.availablePoints()).isEqualTo(400);
    assertThat(balance("u1")).isEqualTo(400);
    assertThat(db.getCollection("redemptions").countDocuments()).isZero();
    assertThat(status(rejected.commandId())).isEqualTo("REJECTED");
  }

  @Test
  void rejectsRedemptionForAUserWithNoPointsYet() {
    RewardsEvent event = ledger.apply(redeem("new-user", 500), SOURCE).event();

    assertThat(event).isInstanceOf(RedemptionRejected.class);
    assertThat(((RedemptionRejected) event).availablePoints()).isZero();
  }

  @Test
  void staysRejectedWhenRedeliveredAfterTheBalanceGrew() {
    RedeemPoints redemption = redeem("u1", 500);
    ledger.apply(redemption, SOURCE);
    ledger.apply(earn("u1", 1000), SOURCE);
    db.getCollection("commands").deleteMany(new Document()); // only the journal remembers

    RewardsEvent again = ledger.apply(redemption, SOURCE).event();

    assertThat(again).isInstanceOf(RedemptionRejected.class);
    assertThat(balance("u1")).isEqualTo(1000);
  }

  @Test
  void neverOverdrawsUnderConcurrentRedemptions() throws Exception {
    ledger.apply(earn("hot", 50_000), SOURCE); // affords exactly 100 redemptions of 500
    List<RewardsEvent> outcomes = RedemptionRace.run(ledger, "hot", 500, 500, SOURCE);

    assertThat(outcomes).filteredOn(e -> e instanceof RewardRedeemed).hasSize(100);
    assertThat(outcomes).filteredOn(e -> e instanceof RedemptionRejected).hasSize(400);
    assertThat(balance("hot")).isZero();
    assertThat(db.getCollection("redemptions").countDocuments()).isEqualTo(100);
  }

  @Test
  void keepsAnAccountsLotsAcrossBatchesAndRecordsWhichLotsARedemptionTookFrom() {
    EarnPoints first = earn("lots", 300);
    EarnPoints second = earn("lots", 200);
    ledger.apply(first, SOURCE);
    ledger.apply(second, "rewards.commands-0@2");

    RedeemPoints redeem = redeem("lots", 400);
    ledger.apply(redeem, "rewards.commands-0@3");

    Document account = db.getCollection("accounts").find(new Document("_id", "lots")).first();
    List<Document> lots = account.getList("lots", Document.class);
    assertThat(lots).hasSize(1);
    assertThat(lots.get(0).getString("i")).isEqualTo(second.commandId().toString());
    assertThat(lots.get(0).get("p", Number.class).longValue()).isEqualTo(100);
    assertThat(lots.get(0).getDate("x").toInstant()).isEqualTo(T0.plus(Duration.ofDays(365)));
    assertThat(account.get("lifetimePoints", Number.class).longValue()).isEqualTo(500);
    Document redemption =
        db.getCollection("redemptions")
            .find(new Document("commandId", redeem.commandId().toString()))
            .first();
    assertThat(redemption.getList("lots", Document.class))
        .extracting(d -> d.getString("lot") + ":" + d.get("points"))
        .containsExactly(first.commandId() + ":300", second.commandId() + ":100");
  }

  @Test
  void takesAnAccountWrittenBeforeLotsAsOneLotOfItsBalance() {
    db.getCollection("accounts")
        .insertOne(
            new Document("_id", "legacy")
                .append("balance", 70L)
                .append("version", 3L)
                .append("journal", List.of()));

    LedgerOutcome outcome = ledger.apply(redeem("legacy", 50), SOURCE);

    assertThat(outcome.event()).isInstanceOf(RewardRedeemed.class);
    Document account = db.getCollection("accounts").find(new Document("_id", "legacy")).first();
    assertThat(account.getList("lots", Document.class))
        .singleElement()
        .satisfies(
            lot -> {
              assertThat(lot.getString("i")).isEqualTo("opening-balance");
              assertThat(lot.get("p", Number.class).longValue()).isEqualTo(20);
              assertThat(lot.containsKey("x")).as("never expires").isFalse();
            });
    assertThat(balance("legacy")).isEqualTo(20);
  }

  private long balance(String userId) {
    return db.getCollection("accounts")
        .find(new Document("_id", userId))
        .first()
        .get("balance", Number.class)
        .longValue();
  }

  private String status(UUID commandId) {
    return db.getCollection("commands")
        .find(new Document("_id", commandId.toString()))
        .first()
        .getString("status");
  }

  static EarnPoints earn(String userId, long points) {
    return new EarnPoints(
        UUID.randomUUID(), userId, points, "shopping", new BigDecimal("100.00"), T0, T0);
  }

  static RedeemPoints redeem(String userId, long points) {
    return new RedeemPoints(
        UUID.randomUUID(),
        userId,
        points,
        "cashback",
        BigDecimal.valueOf(points).movePointLeft(2).setScale(2),
        T0);
  }
}
