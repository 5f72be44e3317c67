package dev.rewards.api.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The body of GET /analytics/rewards-distribution. */
public record RewardsDistribution(
    List<CategoryTotals> distribution,
    Summary summary,
    List<RedemptionTotals> redemptionsByType,
    List<BalanceRange> balanceHistogram,
    Instant asOf) {

  public record CategoryTotals(
      String category,
      long totalPoints,
      BigDecimal totalAmount,
      long transactionCount,
      BigDecimal averagePointsPerTransaction) {}

  /**
   * Totals net of corrections: refunds are out of {@code totalPoints}, cancelled redemptions out of
   * {@code totalPointsRedeemed} and {@code totalRedemptions}.
   *
   * @param outstandingPoints Σ of the balances
   * @param heldPoints points reserved by active holds
   */
  public record Summary(
      long totalPoints,
      long totalTransactions,
      int categories,
      long totalPointsRedeemed,
      long totalRedemptions,
      long totalPointsReversed,
      long totalPointsExpired,
      long outstandingPoints,
      long heldPoints) {}

  public record RedemptionTotals(String rewardType, long count, long totalPoints) {}

  /** Users whose balance lies in [min, max]; {@code max} is null for the last, open range. */
  public record BalanceRange(long min, Long max, long users) {}
}
