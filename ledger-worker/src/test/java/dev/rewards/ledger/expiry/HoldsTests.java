package dev.rewards.ledger.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CaptureHold;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.HoldPoints;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.ReleaseHold;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
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
 * Holds as the ledger applies them, with the scheduler releasing expired ones; the clock is moved,
 * never waited for. Points are valid 10 days here.
 */
class HoldsTests {

  private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

  private InMemoryStore store;
  private MongoDatabase db;
  private Instant now = T0;
  private final Clock clock = TestClocks.following(() -> now);
  private PointsLedger ledger;
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
  void aHoldKeepsThePointsInTheBalanceButNotAvailableSoARedemptionCannotTakeThem() {
    apply(earn(1_000));

    PointsHeld held = (PointsHeld) apply(hold(800, Duration.ofMinutes(15)));
    RewardsEvent redemption = apply(redeem(500));

    assertThat(held.newBalance()).isEqualTo(1_000);
    assertThat(held.availablePoints()).isEqualTo(200);
    assertThat(redemption)
        .isInstanceOfSatisfying(
            RedemptionRejected.class, r -> assertThat(r.availablePoints()).isEqualTo(200));
    Document account = account();
    assertThat(account.get("balance", Number.class).longValue()).isEqualTo(1_000);
    assertThat(account.get("heldPoints", Number.class).longValue()).isEqualTo(800);
  }

  @Test
  void aCaptureIsARedemptionOfPartOfTheHoldAndReleasesTheRestAndCanBeCancelledLikeOne() {
    apply(earn(1_000));
    HoldPoints hold = hold(800, Duration.ofMinutes(15));
    apply(hold);

    RewardRedeemed captured = (RewardRedeemed) apply(capture(hold.commandId(), 600L));
    long availableAfterCapture = 1_000 - 600;
    RedemptionCancelled cancelled =
        (RedemptionCancelled)
            apply(new CancelRedemption(UUID.randomUUID(), "u1", captured.commandId(), null, now));

    assertThat(captured.holdId()).isEqualTo(hold.commandId());
    assertThat(captured.pointsRedeemed()).isEqualTo(600);
    assertThat(captured.pointsReleased()).isEqualTo(200);
    assertThat(captured.remainingPoints()).isEqualTo(availableAfterCapture);
    assertThat(captured.value()).isEqualByComparingTo("6.00"); // 800 held were worth 8.00
    assertThat(db.getCollection("redemptions").countDocuments()).isEqualTo(1);
    assertThat(cancelled.pointsRestored()).isEqualTo(600);
    assertThat(account().get("balance", Number.class).longValue()).isEqualTo(1_000);
    assertThat(account().get("heldPoints", Number.class).longValue()).isZero();
  }

  @Test
  void aVoidedHoldGivesItsPointsBackAndCannotBeCapturedOrVoidedAgain() {
    apply(earn(700));
    HoldPoints hold = hold(500, Duration.ofMinutes(15));
    apply(hold);

    HoldReleased voided =
        (HoldReleased)
            apply(
                new ReleaseHold(UUID.randomUUID(), "u1", hold.commandId(), ReleaseHold.VOID, now));
    RewardsEvent captureAfter = apply(capture(hold.commandId(), null));
    RewardsEvent unknown = apply(capture(UUID.randomUUID(), null));

    assertThat(voided.points()).isEqualTo(500);
    assertThat(voided.cause()).isEqualTo("VOID");
    assertThat(voided.availablePoints()).isEqualTo(700);
    assertThat(reason(captureAfter)).isEqualTo(CommandRejected.HOLD_NOT_ACTIVE);
    assertThat(reason(unknown)).isEqualTo(CommandRejected.UNKNOWN_HOLD);
  }

  @Test
  void aCaptureOfMoreThanIsHeldIsRefusedAndAHoldBeyondTheAvailablePointsToo() {
    apply(earn(600));
    HoldPoints hold = hold(500, Duration.ofMinutes(15));
    apply(hold);

    assertThat(reason(apply(capture(hold.commandId(), 501L))))
        .isEqualTo(CommandRejected.INSUFFICIENT_POINTS);
    assertThat(reason(apply(hold(101, Duration.ofMinutes(15)))))
        .isEqualTo(CommandRejected.INSUFFICIENT_POINTS);
  }

  @Test
  void anUnclaimedHoldIsReleasedByTheSchedulerOnceAfterItExpires() {
    apply(earn(900));
    HoldPoints hold = hold(500, Duration.ofMinutes(15));
    apply(hold);
    ExpiryScheduler scheduler = scheduler();

    List<RewardsCommand> early = scheduler.scan();
    now = now.plus(Duration.ofMinutes(16));
    List<RewardsCommand> due = scheduler.scan();
    RewardsEvent released = apply(due.get(0));
    List<RewardsCommand> afterRelease = scheduler().scan(); // another instance, or a restart
    RewardsEvent again = apply(due.get(0)); // the release sent again before it was applied

    assertThat(early).isEmpty();
    assertThat(due)
        .singleElement()
        .isInstanceOfSatisfying(
            ReleaseHold.class, r -> assertThat(r.holdId()).isEqualTo(hold.commandId()));
    assertThat(released)
        .isInstanceOfSatisfying(
            HoldReleased.class, r -> assertThat(r.cause()).isEqualTo("EXPIRED"));
    assertThat(afterRelease).as("nothing due any more").isEmpty();
    assertThat(again).as("the same command: applied once").isEqualTo(released);
    assertThat(account().get("heldPoints", Number.class).longValue()).isZero();
  }

  @Test
  void heldPointsDoNotExpireWhileHeldButOnceTheHoldIsReleased() {
    apply(earn(300)); // its lot expires on day 10
    now = T0.plus(Duration.ofDays(9)).plus(Duration.ofHours(12));
    HoldPoints hold = hold(300, Duration.ofDays(1)); // until day 10.5
    apply(hold);
    ExpiryScheduler scheduler = scheduler();

    now = T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(2));
    List<RewardsCommand> whileHeld = scheduler.scan();
    now = T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(13));
    apply(scheduler.scan().get(0)); // the hold's release
    List<RewardsCommand> afterRelease = scheduler.scan();
    PointsExpired expired = (PointsExpired) apply(afterRelease.get(0));

    assertThat(whileHeld).as("nothing due while the points are held").isEmpty();
    assertThat(expired.points()).isEqualTo(300);
    assertThat(account().get("balance", Number.class).longValue()).isZero();
  }

  @Test
  void theStatementShowsHoldsAndReleasesWithNoPointsAndStillAddsUp() {
    apply(earn(1_000));
    HoldPoints first = hold(500, Duration.ofMinutes(15));
    HoldPoints second = hold(500, Duration.ofMinutes(15));
    apply(first);
    apply(second);
    apply(capture(first.commandId(), null));
    apply(new ReleaseHold(UUID.randomUUID(), "u1", second.commandId(), ReleaseHold.VOID, now));

    List<Document> statement =
        db.getCollection("movements")
            .find(new Document("userId", "u1"))
            .sort(Sorts.ascending("version"))
            .into(new ArrayList<>());

    assertThat(statement)
        .extracting(m -> m.getString("kind") + ":" + m.get("points", Number.class).longValue())
        .containsExactly("EARN:1000", "HOLD:0", "HOLD:0", "REDEEM:-500", "HOLD_RELEASED:0");
    long running = 0;
    for (Document movement : statement) {
      running += movement.get("points", Number.class).longValue();
      assertThat(movement.get("balanceAfter", Number.class).longValue()).isEqualTo(running);
    }
    assertThat(running).isEqualTo(500);
  }

  private ExpiryScheduler scheduler() {
    return new ExpiryScheduler(db, commands -> {}, clock, 1_000, Duration.ofMinutes(5));
  }

  private RewardsEvent apply(RewardsCommand command) {
    return ledger.apply(command, "rewards.commands-0@" + offset++).event();
  }

  private Document account() {
    return db.getCollection("accounts").find(new Document("_id", "u1")).first();
  }

  private static String reason(RewardsEvent event) {
    assertThat(event).isInstanceOf(CommandRejected.class);
    return ((CommandRejected) event).reason();
  }

  private EarnPoints earn(long points) {
    return new EarnPoints(UUID.randomUUID(), "u1", points, "shopping", BigDecimal.TEN, now, now);
  }

  private RedeemPoints redeem(long points) {
    return new RedeemPoints(UUID.randomUUID(), "u1", points, "voucher", BigDecimal.ONE, now);
  }

  private HoldPoints hold(long points, Duration lasting) {
    return new HoldPoints(
        UUID.randomUUID(),
        "u1",
        points,
        "voucher",
        BigDecimal.valueOf(points).movePointLeft(2),
        now.plus(lasting),
        now);
  }

  private CaptureHold capture(UUID holdId, Long points) {
    return new CaptureHold(UUID.randomUUID(), "u1", holdId, points, now);
  }
}
