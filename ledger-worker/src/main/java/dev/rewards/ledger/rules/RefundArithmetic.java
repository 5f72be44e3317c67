package dev.rewards.ledger.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many points a refund reverses. Points reversed so far = floor(points earned × amount refunded
 * so far / purchase amount), and each refund reverses the growth of that figure — so partial
 * refunds add up to exactly a full one, never more, whatever the rounding of each.
 */
public final class RefundArithmetic {

  private RefundArithmetic() {}

  /**
   * @param pointsEarned the purchase's points
   * @param purchaseAmount the purchase's amount (> 0)
   * @param refundedBefore the amount refunded by earlier refunds
   * @param refundNow the amount this refund returns (> 0, and with the earlier ones ≤ the purchase)
   * @return the points this refund reverses
   */
  public static long pointsToReverse(
      long pointsEarned,
      BigDecimal purchaseAmount,
      BigDecimal refundedBefore,
      BigDecimal refundNow) {
    if (purchaseAmount.signum() <= 0 || refundNow.signum() <= 0 || refundedBefore.signum() < 0) {
      throw new IllegalArgumentException("amounts must be positive");
    }
    BigDecimal after = refundedBefore.add(refundNow);
    if (after.compareTo(purchaseAmount) > 0) {
      throw new IllegalArgumentException("refunds exceed the purchase");
    }
    return reversedSoFar(pointsEarned, purchaseAmount, after)
        - reversedSoFar(pointsEarned, purchaseAmount, refundedBefore);
  }

  static long reversedSoFar(long pointsEarned, BigDecimal purchaseAmount, BigDecimal refunded) {
    return BigDecimal.valueOf(pointsEarned)
        .multiply(refunded)
        .divide(purchaseAmount, 0, RoundingMode.FLOOR)
        .longValueExact();
  }
}
