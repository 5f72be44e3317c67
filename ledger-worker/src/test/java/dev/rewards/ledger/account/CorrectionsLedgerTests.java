package dev.rewards.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.rewards.contracts.AdjustPoints;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.InMemoryStore;
import dev.rewards.ledger.TestClocks;
import dev.rewards.ledger.rules.PointsValidity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds and cancelled redemptions against the store, batch by batch, as the listener runs them.
 */
class CorrectionsLedgerTests {

  private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

  private InMemoryStore store;
  private MongoDatabase db;
  private Instant now = T0;
  private PointsLedger ledger;
  private int offset;

  @BeforeEach
  void startStore() {
    store = InMemoryStore.start();
    db = store.database();
    ledger = ledger(new LedgerEntries(db));
  }

  @AfterEach
  void stopStore() {
    store.close();
  }

  @Test
  void partialRefundsAddUpToExactlyTheFullPointsAndThenNothingIsLeftToRefund() {
    EarnPoints purchase = earn("u1", 50, "100.00", null);
    applyTogether(purchase);

    List<RewardsEvent> refunds =
        applyTogether(
            refund("u1", purchase.commandId(), "33.33"),
            refund("u1", purchase.commandId(), "33.33"),
            refund("u1", purchase.commandId(), "33.34"));
    RewardsEvent again = applyTogether(refund("u1", purchase.commandId(), null)).get(0);

    assertThat(refunds)
        .extracting(event -> ((PointsReversed) event).pointsReversed())
        .containsExactly(16L, 17L, 17L);
    assertThat(rejectionReason(again)).isEqualTo(CommandRejected.NOTHING_TO_REFUND);
    assertThat(balance("u1")).isZero();
    Document transaction = db.getCollection("transactions").find().first();
    assertThat(((Decimal128) transaction.get("refundedAmount")).bigDecimalValue())
        .isEqualByComparingTo("100.00");
    assertThat(transaction.get("pointsReversed", Number.class).longValue()).isEqualTo(50);
    assertThat(transaction.getList("refunds", Document.class)).hasSize(3);
  }

  @Test
  void aRefundBeyondWhatIsLeftOfThePurchaseIsRefusedNamingTheAmount() {
    EarnPoints purchase = earn("u1", 50, "100.00", null);
    applyTogether(purchase, refund("u1", purchase.commandId(), "60.00"));

    RewardsEvent tooMuch = applyTogether(refund("u1", purchase.commandId(), "40.01")).get(0);

    assertThat(rejectionReason(tooMuch)).isEqualTo(CommandRejected.REFUND_EXCEEDS_PURCHASE);
    assertThat(((CommandRejected) tooMuch).field()).isEqualTo("amount");
    assertThat(balance("u1")).isEqualTo(20);
  }

  @Test
  void aRefundNamesItsPurchaseByTheIdempotencyKeyItWasSentWithButOnlyForItsOwnUser() {
    EarnPoints purchase = earn("u1", 80, "40.00", "till-7-receipt-1042");
    applyTogether(purchase, earn("u2", 10, "5.00", null));

    RewardsEvent byKey = applyTogether(refundByKey("u1", "till-7-receipt-1042")).get(0);
    RewardsEvent otherUser = applyTogether(refundByKey("u2", "till-7-receipt-1042")).get(0);

    assertThat(byKey)
        .isInstanceOfSatisfying(
            PointsReversed.class,
            reversed -> {
              assertThat(reversed.purchaseCommandId()).isEqualTo(purchase.commandId());
              assertThat(reversed.pointsReversed()).isEqualTo(80);
            });
    assertThat(rejectionReason(otherUser)).isEqualTo(CommandRejected.UNKNOWN_PURCHASE);
    assertThat(((CommandRejected) otherUser).field()).isEqualTo("purchaseIdempotencyKey");
  }

  @Test
  void aRefundTheBalanceCannotCoverLeavesDebtThatTheNextEarnPaysFirst() {
    EarnPoints purchase = earn("u1", 100, "200.00", null);
    applyTogether(purchase, redeem("u1", 80));

    PointsReversed reversed =
        (PointsReversed) applyTogether(refund("u1", purchase.commandId(), null)).get(0);
    applyTogether(earn("u1", 30, "60.00", null));

    assertThat(reversed.newBalance()).isEqualTo(-80);
    assertThat(reversed.debt()).isEqualTo(80);
    assertThat(balance("u1")).isEqualTo(-50);
    Document account = db.getCollection("accounts").find().first();
    assertThat(account.get("debt", Number.class).longValue()).isEqualTo(50);
    assertThat(account.getList("lots", Document.class)).isEmpty();
    assertThat(account.get("lifetimePoints", Number.class).longValue()).isEqualTo(30);
  }

  @Test
  void aPurchaseItsRefundsAndARedemptionCancelledInTheSameBatchAreDecidedInOrder() {
    EarnPoints purchase = earn("u1", 100, "50.00", "r-1");
    RedeemPoints redemption = redeem("u1", 40);

    List<RewardsEvent> outcomes =
        applyTogether(
            purchase,
            redemption,
            refundByKey("u1", "r-1", "25.00"),
            cancel("u1", redemption.commandId()),
            cancel("u1", redemption.commandId()),
            refund("u1", purchase.commandId(), null));

    assertThat(outcomes.get(2)).isInstanceOf(PointsReversed.class);
    assertThat(outcomes.get(3)).isInstanceOf(RedemptionCancelled.class);
    assertThat(rejectionReason(outcomes.get(4))).isEqualTo(CommandRejected.ALREADY_CANCELLED);
    assertThat(((PointsReversed) outcomes.get(5)).pointsReversed()).isEqualTo(50);
    assertThat(balance("u1")).isZero();
  }

  @Test
  void aRefundReplayedAfterACrashBeforeItsEntryWasWrittenCountsOnceForTheNextRefund() {
    EarnPoints purchase = earn("u1", 90, "90.00", null);
    applyTogether(purchase);
    RefundPurchase first = refund("u1", purchase.commandId(), "30.00");
    RefundPurchase second = refund("u1", purchase.commandId(), "30.00");
    LedgerEntries crashingOnce =
        new LedgerEntries(db) {
          boolean crashed;

          @Override
          public void recordAll(List<Entry> entries) {
            if (!crashed) {
              crashed = true;
              throw new IllegalStateException("simulated crash after the account write");
            }
            super.recordAll(entries);
          }
        };
    PointsLedger crashing = ledger(crashingOnce);
    LedgerBatch crashed = crashing.startBatch(List.of(first));
    crashing.apply(first, "rewards.commands-0@5", crashed);
    assertThatThrownBy(crashed::flush).hasMessageContaining("simulated crash");

    // redelivered from the first refund on: it is found in the journal, its entry not yet written
    LedgerBatch replay = ledger.startBatch(List.of(first, second));
    RewardsEvent firstAgain = ledger.apply(first, "rewards.commands-0@5", replay).event();
    RewardsEvent secondOutcome = ledger.apply(second, "rewards.commands-0@6", replay).event();
    replay.flush();

    assertThat(((PointsReversed) firstAgain).totalRefundedAmount()).isEqualByComparingTo("30");
    assertThat(((PointsReversed) secondOutcome).totalRefundedAmount()).isEqualByComparingTo("60");
    assertThat(balance("u1")).isEqualTo(30);
    Document transaction = db.getCollection("transactions").find().first();
    assertThat(transaction.getList("refunds", Document.class)).hasSize(2);
    assertThat(transaction.get("pointsReversed", Number.class).longValue()).isEqualTo(60);
  }

  @Test
  void aRefusedRefundStaysRefusedWhenRedeliveredAfterItsPurchaseArrived() {
    RefundPurchase early = refundByKey("u1", "late-receipt");
    RewardsEvent refused = applyTogether(early).get(0);
    applyTogether(earn("u1", 10, "10.00", "late-receipt"));

    LedgerOutcome again = ledger.apply(early, "rewards.commands-0@999");

    assertThat(rejectionReason(refused)).isEqualTo(CommandRejected.UNKNOWN_PURCHASE);
    assertThat(again.event()).isEqualTo(refused);
    assertThat(balance("u1")).isEqualTo(10);
  }

  @Test
  void aCancelledRedemptionGoesBackToItsLotsExceptThoseThatExpiredMeanwhile() {
    // validity 10 days from each purchase: the first lot expires on day 10, the second on day 15
    applyTogether(earn("u1", 60, "60.00", null));
    now = T0.plus(Duration.ofDays(5));
    EarnPoints later = earnAt("u1", 40, T0.plus(Duration.ofDays(5)));
    RedeemPoints redemption = redeem("u1", 80); // 60 from the first lot, 20 from the second
    applyTogether(later, redemption);
    now = T0.plus(Duration.ofDays(12));

    RedemptionCancelled cancelled =
        (RedemptionCancelled) applyTogether(cancel("u1", redemption.commandId())).get(0);
    RewardsEvent twice = applyTogether(cancel("u1", redemption.commandId())).get(0);
    RewardsEvent unknown = applyTogether(cancel("u1", UUID.randomUUID())).get(0);

    assertThat(cancelled.pointsRestored()).isEqualTo(20);
    assertThat(cancelled.pointsExpiredMeanwhile()).isEqualTo(60);
    assertThat(cancelled.newBalance()).isEqualTo(40);
    assertThat(rejectionReason(twice)).isEqualTo(CommandRejected.ALREADY_CANCELLED);
    assertThat(rejectionReason(unknown)).isEqualTo(CommandRejected.UNKNOWN_REDEMPTION);
    Document stored = db.getCollection("redemptions").find().first();
    assertThat(stored.get("cancellation", Document.class).getString("commandId"))
        .isEqualTo(cancelled.commandId().toString());
  }

  @Test
  void everyMovementIsOnTheStatementEachBalanceAfterFollowsTheOneBeforeAndTheyAddUpToTheBalance() {
    EarnPoints purchase = earn("u1", 100, "100.00", null);
    RedeemPoints redemption = redeem("u1", 70);
    applyTogether(purchase, redemption, earn("u1", 5, "5.00", null));
    applyTogether(
        refund("u1", purchase.commandId(), "50.00"),
        cancel("u1", redemption.commandId()),
        new AdjustPoints(UUID.randomUUID(), "u1", -20, "fix", "admin", now),
        redeem("u1", 1_000)); // refused: no movement

    List<Document> statement =
        db.getCollection("movements")
            .find(new Document("userId", "u1"))
            .sort(Sorts.ascending("version"))
            .into(new ArrayList<>());

    assertThat(statement)
        .extracting(m -> m.getString("kind"))
        .containsExactly("EARN", "REDEEM", "EARN", "REFUND", "REDEMPTION_CANCELLED", "ADJUST");
    long running = 0;
    for (Document movement : statement) {
      running += movement.get("points", Number.class).longValue();
      assertThat(movement.get("balanceAfter", Number.class).longValue()).isEqualTo(running);
    }
    assertThat(running).isEqualTo(balance("u1")).isEqualTo(35);
  }

  /** Applies commands as one polled batch, in order, and writes it; returns their outcomes. */
  private List<RewardsEvent> applyTogether(RewardsCommand... commands) {
    LedgerBatch batch = ledger.startBatch(List.of(commands));
    List<RewardsEvent> outcomes = new ArrayList<>();
    for (RewardsCommand command : commands) {
      outcomes.add(ledger.apply(command, "rewards.commands-0@" + offset++, batch).event());
    }
    batch.flush();
    return outcomes;
  }

  private PointsLedger ledger(LedgerEntries entries) {
    Clock clock = TestClocks.following(() -> now);
    return new PointsLedger(
        new AccountStore(db, 20),
        entries,
        new CommandLog(db),
        clock,
        new PointsValidity(Duration.ofDays(10)));
  }

  private static String rejectionReason(RewardsEvent event) {
    assertThat(event).isInstanceOf(CommandRejected.class);
    return ((CommandRejected) event).reason();
  }

  private long balance(String userId) {
    Document account = db.getCollection("accounts").find(new Document("_id", userId)).first();
    return account.get("balance", Number.class).longValue();
  }

  private EarnPoints earn(String userId, long points, String amount, String key) {
    return new EarnPoints(
        UUID.randomUUID(), userId, points, "shopping", new BigDecimal(amount), T0, now, key);
  }

  private EarnPoints earnAt(String userId, long points, Instant purchasedAt) {
    return new EarnPoints(
        UUID.randomUUID(),
        userId,
        points,
        "shopping",
        BigDecimal.valueOf(points),
        purchasedAt,
        now,
        null);
  }

  private RedeemPoints redeem(String userId, long points) {
    return new RedeemPoints(UUID.randomUUID(), userId, points, "voucher", BigDecimal.ONE, now);
  }

  private RefundPurchase refund(String userId, UUID purchase, String amount) {
    return new RefundPurchase(
        UUID.randomUUID(),
        userId,
        purchase,
        null,
        amount == null ? null : new BigDecimal(amount),
        "returned",
        now);
  }

  private RefundPurchase refundByKey(String userId, String key) {
    return refundByKey(userId, key, null);
  }

  private RefundPurchase refundByKey(String userId, String key, String amount) {
    return new RefundPurchase(
        UUID.randomUUID(),
        userId,
        null,
        key,
        amount == null ? null : new BigDecimal(amount),
        null,
        now);
  }

  private CancelRedemption cancel(String userId, UUID redemption) {
    return new CancelRedemption(UUID.randomUUID(), userId, redemption, "order cancelled", now);
  }
}
