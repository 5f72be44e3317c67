package dev.rewards.ledger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rewards.contracts.AdjustPoints;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's rules on their own: no store, no broker. */
class DecisionsTests {

  private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");
  private static final PointsValidity YEAR = new PointsValidity(java.time.Duration.ofDays(365));

  @Test
  void anEarnAddsItsPointsAndAnnouncesTheNewBalance() {
    Account account = Account.absent("u1", 20);
    EarnPoints earn = earn(50);

    Change change = Decisions.decide(earn, account, PastEntries.NONE, YEAR, T0);

    assertThat(account.balance()).isEqualTo(50);
    assertThat(((PointsEarned) Decisions.outcomeOf(earn, change)).newBalance()).isEqualTo(50);
  }

  @Test
  void aRedemptionBeyondTheBalanceIsRefusedAndStaysRefusedWhenItComesAgain() {
    Account account = Account.absent("u1", 20);
    Decisions.decide(earn(100), account, PastEntries.NONE, YEAR, T0);
    RedeemPoints redeem = redeem(500);

    Change refused = Decisions.decide(redeem, account, PastEntries.NONE, YEAR, T0);
    Decisions.decide(earn(1000), account, PastEntries.NONE, YEAR, T0);

    assertThat(Decisions.outcomeOf(redeem, refused)).isInstanceOf(RedemptionRejected.class);
    assertThat(account.find(redeem.commandId()))
        .as("found in the journal, as decided then")
        .hasValueSatisfying(
            again ->
                assertThat(Decisions.outcomeOf(redeem, again))
                    .isInstanceOf(RedemptionRejected.class));
    assertThat(account.balance()).isEqualTo(1100);
  }

  @Test
  void anEarnAnnouncesTheLifetimePointsAfterItAlsoWhenRebuiltFromTheJournal() {
    Account account = Account.absent("u1", 20);
    Decisions.decide(earn(600), account, PastEntries.NONE, YEAR, T0);
    EarnPoints second = earn(400);
    Change change = Decisions.decide(second, account, PastEntries.NONE, YEAR, T0);
    Decisions.decide(redeem(500), account, PastEntries.NONE, YEAR, T0);
    Decisions.decide(earn(1), account, PastEntries.NONE, YEAR, T0);

    PointsEarned announced = (PointsEarned) Decisions.outcomeOf(second, change);
    PointsEarned rebuilt =
        (PointsEarned) Decisions.outcomeOf(second, account.find(second.commandId()).orElseThrow());

    assertThat(announced.lifetimePoints()).isEqualTo(1_000);
    assertThat(rebuilt).isEqualTo(announced);
  }

  @Test
  void aCommandFoundInTheJournalRebuildsTheSameOutcome() {
    Account account = Account.absent("u1", 20);
    Decisions.decide(earn(600), account, PastEntries.NONE, YEAR, T0);
    RedeemPoints redeem = redeem(500);
    Change first = Decisions.decide(redeem, account, PastEntries.NONE, YEAR, T0);
    Decisions.decide(earn(7), account, PastEntries.NONE, YEAR, T0);

    Change rebuilt = account.find(redeem.commandId()).orElseThrow();

    assertThat(rebuilt).isEqualTo(first);
    assertThat(Decisions.outcomeOf(redeem, rebuilt))
        .isEqualTo(Decisions.outcomeOf(redeem, first))
        .isInstanceOf(RewardRedeemed.class);
  }

  @Test
  void aBalanceThatWouldOverflowChangesNothing() {
    Account account =
        Account.restore(
            "u1",
            7,
            List.of(),
            20,
            new LotBook(List.of(new Lot("big", Long.MAX_VALUE - 5, T0, Instant.MAX)), 0),
            Long.MAX_VALUE - 5);

    assertThatThrownBy(() -> Decisions.decide(earn(10), account, PastEntries.NONE, YEAR, T0))
        .isInstanceOf(ArithmeticException.class);
    assertThat(account.balance()).isEqualTo(Long.MAX_VALUE - 5);
    assertThat(account.hasUnwrittenChanges()).isFalse();
  }

  private static EarnPoints earn(long points) {
    return new EarnPoints(UUID.randomUUID(), "u1", points, "shopping", BigDecimal.TEN, T0, T0);
  }

  private static RedeemPoints redeem(long points) {
    return new RedeemPoints(UUID.randomUUID(), "u1", points, "voucher", new BigDecimal("5"), T0);
  }

  @Test
  void anEarnBecomesALotThatExpiresAfterTheValidityAndARedemptionRecordsTheLotsItTookFrom() {
    Account account = Account.absent("u1", 20);
    EarnPoints first = earn(300);
    EarnPoints second = earn(200);
    Decisions.decide(first, account, PastEntries.NONE, YEAR, T0);
    Decisions.decide(second, account, PastEntries.NONE, YEAR, T0);

    Change redeemed = Decisions.decide(redeem(400), account, PastEntries.NONE, YEAR, T0);

    assertThat(redeemed.takenFrom())
        .extracting(Taken::lotId, Taken::points)
        .containsExactly(
            tuple(first.commandId().toString(), 300L), tuple(second.commandId().toString(), 100L));
    assertThat(account.lots().lots())
        .singleElement()
        .satisfies(
            lot -> {
              assertThat(lot.points()).isEqualTo(100);
              assertThat(lot.expiresAt()).isEqualTo(T0.plus(java.time.Duration.ofDays(365)));
            });
    assertThat(account.lifetimePoints()).isEqualTo(500);
    assertThat(account.balance()).isEqualTo(100);
  }

  @Test
  void anAdjustmentCreditsALotOrDebitsTheLotsButNeverOverdraws() {
    Account account = Account.absent("u1", 20);
    Decisions.decide(earn(100), account, PastEntries.NONE, YEAR, T0);

    Change credit = Decisions.decide(adjust(50), account, PastEntries.NONE, YEAR, T0);
    Change debit = Decisions.decide(adjust(-120), account, PastEntries.NONE, YEAR, T0);
    AdjustPoints tooMuch = adjust(-31);
    Change refused = Decisions.decide(tooMuch, account, PastEntries.NONE, YEAR, T0);

    assertThat(credit.balanceAfter()).isEqualTo(150);
    assertThat(debit.balanceAfter()).isEqualTo(30);
    assertThat(debit.takenFrom()).extracting(Taken::points).containsExactly(100L, 20L);
    assertThat(Decisions.outcomeOf(tooMuch, refused))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo("INSUFFICIENT_POINTS"));
    assertThat(account.balance()).isEqualTo(30);
    assertThat(account.lifetimePoints()).as("an adjustment is not earned").isEqualTo(100);
    assertThat(
            Decisions.outcomeOf(
                adjust(1), Decisions.decide(adjust(1), account, PastEntries.NONE, YEAR, T0)))
        .isInstanceOf(PointsAdjusted.class);
  }

  private static AdjustPoints adjust(long points) {
    return new AdjustPoints(UUID.randomUUID(), "u1", points, "support", "admin", T0);
  }
}
