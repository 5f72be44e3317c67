package dev.rewards.ledger.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.InMemoryStore;
import dev.rewards.ledger.TestClocks;
import dev.rewards.ledger.account.AccountStore;
import dev.rewards.ledger.account.CommandLog;
import dev.rewards.ledger.account.LedgerEntries;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.rules.PointsValidity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry as the ledger runs it: the scheduler finds due accounts and sends commands, the ledger
 * applies them. The clock is moved, never waited for. Points are valid 10 days here.
 */
class ExpiryTests {

  private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

  private InMemoryStore store;
  private MongoDatabase db;
  private Instant now = T0;
  private final Clock clock = TestClocks.following(() -> now);
  private PointsLedger ledger;
  private final List<dev.rewards.contracts.RewardsCommand> sent = new ArrayList<>();
  private int offset;

  @BeforeEach
  void startStore() {
    store = InMemoryStore.start();
    db = store.database();
    ledger =
        new PointsLedger(
            new AccountStore(db, 20),
            new LedgerEntries(db),
            new CommandLog(db),
            clock,
            new PointsValidity(Duration.ofDays(10)));
  }

  @AfterEach
  void stopStore() {
    store.close();
  }

  @Test
  void whatIsLeftOfDueLotsExpiresOnceTheyAreDueAndTheNextExpiryMovesOn() {
    apply(earn("u1", 60, T0));
    now = T0.plus(Duration.ofDays(5));
    apply(earn("u1", 40, now));
    apply(redeem("u1", 20)); // from the first lot: 40 of it left
    ExpiryScheduler scheduler = scheduler();

    List<dev.rewards.contracts.RewardsCommand> early = scheduler.scan();
    now = T0.plus(Duration.ofDays(10)).plusSeconds(30);
    List<dev.rewards.contracts.RewardsCommand> due = scheduler.scan();
    PointsExpired expired = (PointsExpired) apply(due.get(0));
    List<dev.rewards.contracts.RewardsCommand> after = scheduler.scan();

    assertThat(early).as("nothing due before its time").isEmpty();
    assertThat(due).singleElement().satisfies(c -> assertThat(c.userId()).isEqualTo("u1"));
    assertThat(expired.points()).isEqualTo(40);
    assertThat(expired.lots())
        .singleElement()
        .satisfies(
            lot -> {
              assertThat(lot.earnedAt()).isEqualTo(T0);
              assertThat(lot.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(10)));
              assertThat(lot.points()).isEqualTo(40);
            });
    assertThat(expired.newBalance()).isEqualTo(40);
    assertThat(after).as("the next lot is not due yet").isEmpty();
    Document nextExpiry = account("u1").get("nextExpiry", Document.class);
    assertThat(nextExpiry.getDate("at").toInstant()).isEqualTo(T0.plus(Duration.ofDays(15)));
    assertThat(nextExpiry.get("points", Number.class).longValue()).isEqualTo(40);
    assertThat(movements("u1", "EXPIRE")).isEqualTo(-40);
    assertThat(account("u1").get("lifetimePoints", Number.class).longValue())
        .as("expired points still count as earned")
        .isEqualTo(100);
  }

  @Test
  void dueLotsScheduledByTwoInstancesAndAgainAfterARestartExpireOnce() {
    apply(earn("u1", 70, T0));
    now = T0.plus(Duration.ofDays(11));
    List<dev.rewards.contracts.RewardsCommand> first = scheduler().scan();
    List<dev.rewards.contracts.RewardsCommand> second =
        scheduler().scan(); // another instance, or this one restarted

    RewardsEvent applied = apply(first.get(0));
    RewardsEvent again = apply(second.get(0));

    assertThat(second.get(0).commandId()).isEqualTo(first.get(0).commandId());
    assertThat(again).isEqualTo(applied);
    assertThat(((PointsExpired) applied).points()).isEqualTo(70);
    assertThat(balance("u1")).isZero();
    assertThat(movements("u1", "EXPIRE")).isEqualTo(-70);
  }

  @Test
  void aSchedulerDoesNotSendAgainWhatItSentRecently() {
    apply(earn("u1", 5, T0));
    now = T0.plus(Duration.ofDays(11));
    ExpiryScheduler scheduler = scheduler();

    assertThat(scheduler.scan()).hasSize(1);
    assertThat(scheduler.scan()).as("still unapplied, sent a moment ago").isEmpty();
    now = now.plus(Duration.ofMinutes(6));
    assertThat(scheduler.scan()).as("unapplied after the resend delay: sent again").hasSize(1);
  }

  @Test
  void anExpiryThatFindsItsLotsSpentMeanwhileChangesNothing() {
    apply(earn("u1", 50, T0));
    now = T0.plus(Duration.ofDays(11));
    List<dev.rewards.contracts.RewardsCommand> due = scheduler().scan();
    apply(redeem("u1", 50)); // the ledger saw the redemption first

    PointsExpired expired = (PointsExpired) apply(due.get(0));

    assertThat(expired.points()).isZero();
    assertThat(expired.lots()).isEmpty();
    assertThat(movements("u1", "EXPIRE")).isZero();
    assertThat(account("u1").get("nextExpiry")).isNull();
  }

  @Test
  void campaignPointsExpireAtTheirOwnTimeNotTheProgramsValidity() {
    Instant campaignEnd = T0.plus(Duration.ofDays(2));
    apply(
        new EarnPoints(
            UUID.randomUUID(), "u1", 30, "campaign", BigDecimal.TEN, T0, T0, null, campaignEnd));
    apply(earn("u1", 10, T0));
    now = T0.plus(Duration.ofDays(3));

    PointsExpired expired = (PointsExpired) apply(scheduler().scan().get(0));

    assertThat(expired.points()).isEqualTo(30);
    assertThat(balance("u1")).isEqualTo(10);
  }

  private ExpiryScheduler scheduler() {
    return new ExpiryScheduler(db, sent::addAll, clock, 1_000, Duration.ofMinutes(5));
  }

  private RewardsEvent apply(dev.rewards.contracts.RewardsCommand command) {
    return ledger.apply(command, "rewards.commands-0@" + offset++).event();
  }

  private Document account(String userId) {
    return db.getCollection("accounts").find(new Document("_id", userId)).first();
  }

  private long balance(String userId) {
    return account(userId).get("balance", Number.class).longValue();
  }

  private long movements(String userId, String kind) {
    long total = 0;
    for (Document movement :
        db.getCollection("movements").find(new Document("userId", userId).append("kind", kind))) {
      total += movement.get("points", Number.class).longValue();
    }
    return total;
  }

  private EarnPoints earn(String userId, long points, Instant purchasedAt) {
    return new EarnPoints(
        UUID.randomUUID(), userId, points, "shopping", BigDecimal.TEN, purchasedAt, now);
  }

  private RedeemPoints redeem(String userId, long points) {
    return new RedeemPoints(UUID.randomUUID(), userId, points, "voucher", BigDecimal.ONE, now);
  }
}
