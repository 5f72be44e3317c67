package dev.rewards.ledger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LotBookTests {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void spendsFromTheLotsThatExpireFirstThenTheEarliestEarned() {
    LotBook book = LotBook.empty();
    book.earn("late", 100, T0, T0.plus(Duration.ofDays(300)));
    book.earn("soon", 50, T0.plusSeconds(10), T0.plus(Duration.ofDays(30)));
    book.earn("soon-older", 20, T0, T0.plus(Duration.ofDays(30)));

    List<Taken> taken = book.spend(80);

    assertThat(taken)
        .extracting(Taken::lotId, Taken::points)
        .containsExactly(tuple("soon-older", 20L), tuple("soon", 50L), tuple("late", 10L));
    assertThat(book.balance()).isEqualTo(90);
  }

  @Test
  void aRefundTakesFromItsOwnLotFirstThenMakesDebtThatTheNextEarnPaysFirst() {
    LotBook book = LotBook.empty();
    book.earn("other", 30, T0, T0.plus(Duration.ofDays(10)));
    book.earn("purchase", 50, T0, T0.plus(Duration.ofDays(300)));
    book.spend(40); // 30 from "other", 10 from "purchase"

    LotBook.Reversal reversal = book.reverse("purchase", 50);

    assertThat(reversal.taken())
        .extracting(Taken::lotId, Taken::points)
        .containsExactly(tuple("purchase", 40L));
    assertThat(reversal.newDebt()).isEqualTo(10);
    assertThat(book.balance()).isEqualTo(-10);
    assertThat(book.earn("next", 25, T0, T0.plus(Duration.ofDays(300)))).isEqualTo(10);
    assertThat(book.balance()).isEqualTo(15);
    assertThat(book.debt()).isZero();
  }

  @Test
  void aCancelledRedemptionGoesBackToItsLotsExceptWhatExpiredMeanwhile() {
    Lot shortLived = new Lot("short", 30, T0, T0.plus(Duration.ofDays(1)));
    Lot longLived = new Lot("long", 50, T0, T0.plus(Duration.ofDays(300)));
    LotBook book = new LotBook(List.of(shortLived, longLived), 0);
    List<Taken> redeemed = book.spend(60);

    LotBook.Restoration restoration = book.restore(redeemed, T0.plus(Duration.ofDays(2)));

    assertThat(restoration.restored()).isEqualTo(30);
    assertThat(restoration.expiredMeanwhile()).isEqualTo(30);
    assertThat(book.lots()).containsExactly(longLived);
  }

  @Test
  void aSpendNeverMakesDebt() {
    LotBook book = LotBook.empty();
    book.earn("a", 10, T0, T0.plusSeconds(60));

    assertThatThrownBy(() -> book.spend(11)).isInstanceOf(IllegalStateException.class);
    assertThat(book.balance()).isEqualTo(10);
  }

  @Test
  void anyHistoryKeepsTheBalanceTheSumOfItsMovementsAndSpendsInExpiryOrder() {
    qt().withExamples(1_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              LotBook book = LotBook.empty();
              List<Lot> earned = new ArrayList<>();
              List<List<Taken>> spends = new ArrayList<>();
              long expected = 0;
              boolean refunded = false;
              for (int step = 0; step < 40; step++) {
                int kind = random.nextInt(10);
                if (kind < 4 || earned.isEmpty()) {
                  Lot lot =
                      new Lot(
                          "lot" + step,
                          1 + random.nextInt(1_000),
                          T0.plusSeconds(step),
                          T0.plus(Duration.ofDays(1 + random.nextInt(5))));
                  earned.add(lot);
                  book.earn(lot.id(), lot.points(), lot.earnedAt(), lot.expiresAt());
                  expected += lot.points();
                } else if (kind < 7 && book.balance() > 0) {
                  long points = 1 + (long) (random.nextDouble() * book.balance());
                  List<Lot> before = book.lots();
                  List<Taken> taken = book.spend(points);
                  assertSpentInOrder(before, taken, seed);
                  spends.add(taken);
                  expected -= points;
                } else if (kind < 9) {
                  Lot purchase = earned.get(random.nextInt(earned.size()));
                  long points = 1 + random.nextInt((int) purchase.points());
                  book.reverse(purchase.id(), points);
                  expected -= points;
                  refunded = true;
                } else if (!spends.isEmpty()) {
                  List<Taken> cancelled = spends.remove(random.nextInt(spends.size()));
                  Instant now = T0.plus(Duration.ofDays(random.nextInt(4)));
                  LotBook.Restoration back = book.restore(cancelled, now);
                  long total = cancelled.stream().mapToLong(Taken::points).sum();
                  assertThat(back.restored() + back.expiredMeanwhile()).isEqualTo(total);
                  expected += back.restored();
                }
                assertThat(book.balance()).as("balance (seed %d)", seed).isEqualTo(expected);
                assertThat(book.debt()).isNotNegative();
                assertThat(book.lots()).allSatisfy(lot -> assertThat(lot.points()).isPositive());
                if (!refunded) {
                  assertThat(book.balance()).as("only a refund makes debt").isNotNegative();
                }
              }
            });
  }

  /** Every lot taken from, but the last, is emptied; none after the last is touched. */
  private static void assertSpentInOrder(List<Lot> before, List<Taken> taken, long seed) {
    for (int i = 0; i < taken.size(); i++) {
      Lot lot = before.get(i);
      assertThat(taken.get(i).lotId()).as("spending order (seed %d)", seed).isEqualTo(lot.id());
      if (i < taken.size() - 1) {
        assertThat(taken.get(i).points())
            .as("emptied first (seed %d)", seed)
            .isEqualTo(lot.points());
      }
    }
  }
}
