package dev.rewards.ledger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RefundArithmeticTests {

  @Test
  void partialRefundsAddUpToExactlyAFullOneAndNeverMore() {
    qt().withExamples(2_000)
        .forAll(longs().all())
        .checkAssert(RefundArithmeticTests::refundInPartsDrawnFrom);
  }

  @Test
  void aPartThatRefundsTheWholeRestEndsTheRefunds() {
    // this seed draws a part returning everything left before its last part
    refundInPartsDrawnFrom(-152927015762631949L);
  }

  private static void refundInPartsDrawnFrom(long seed) {
    Random random = new Random(seed);
    long points = 1 + (long) (random.nextDouble() * 1_000_000_000L);
    long amountCents = 1 + (long) (random.nextDouble() * 100_000_000_000L);
    BigDecimal amount = BigDecimal.valueOf(amountCents, 2);
    int parts = 1 + random.nextInt(12);
    long refundedCents = 0;
    long reversed = 0;
    for (int part = 0; part < parts; part++) {
      long left = amountCents - refundedCents;
      if (left == 0) {
        break; // an earlier part refunded the rest
      }
      // 1..left exactly: a double times a large left can round up to left itself
      long cents = part == parts - 1 ? left : 1 + Math.floorMod(random.nextLong(), left);
      long now =
          RefundArithmetic.pointsToReverse(
              points, amount, BigDecimal.valueOf(refundedCents, 2), BigDecimal.valueOf(cents, 2));
      assertThat(now).as("points of one refund (seed %d)", seed).isNotNegative();
      refundedCents += cents;
      reversed += now;
      assertThat(reversed).as("reversed so far (seed %d)", seed).isLessThanOrEqualTo(points);
    }
    assertThat(refundedCents).isEqualTo(amountCents);
    assertThat(reversed).as("all refunded (seed %d)", seed).isEqualTo(points);
  }

  @Test
  void roundsEachRefundDownAgainstWhatWasReversedBefore() {
    BigDecimal thirty = new BigDecimal("30.00");

    assertThat(RefundArithmetic.pointsToReverse(10, thirty, BigDecimal.ZERO, BigDecimal.TEN))
        .isEqualTo(3); // floor(10 × 10 / 30)
    assertThat(RefundArithmetic.pointsToReverse(10, thirty, BigDecimal.TEN, BigDecimal.TEN))
        .isEqualTo(3); // floor(10 × 20 / 30) − 3
    assertThat(RefundArithmetic.pointsToReverse(10, thirty, new BigDecimal("20"), BigDecimal.TEN))
        .isEqualTo(4); // 10 − 6: the rounding comes back at the end
  }

  @Test
  void refusesARefundBeyondThePurchase() {
    assertThatThrownBy(
            () ->
                RefundArithmetic.pointsToReverse(
                    10, BigDecimal.TEN, new BigDecimal("6"), new BigDecimal("5")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
