package dev.rewards.analytics.distribution;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one outcome adds to the aggregates: the counters to increment (by field path) and the user's
 * balance after it. Plain arithmetic, so it is the same whether it comes from an event or a recount
 * of the ledger.
 */
public record Contribution(Map<String, Long> increments, Map<String, String> names, Instant at) {

  /** Field paths inside an aggregate document; names are encoded so any category is a safe key. */
  static String category(String name) {
    return "categories." + FieldKeys.encode(name);
  }

  static String rewardType(String name) {
    return "redemptions." + FieldKeys.encode(name);
  }

  static String range(long lowerBound) {
    return "histogram." + lowerBound;
  }

  /** This and what later events contributed, as one write. */
  public Contribution plus(Contribution later) {
    Map<String, Long> increments = new LinkedHashMap<>(this.increments);
    later.increments.forEach((path, value) -> increments.merge(path, value, Long::sum));
    Map<String, String> names = new LinkedHashMap<>(this.names);
    names.putAll(later.names);
    return new Contribution(increments, names, later.at.isAfter(at) ? later.at : at);
  }

  /** An outcome that changes no counter (a refused redemption): it only moves {@code asOf}. */
  public static Contribution none(Instant at) {
    return new Contribution(Map.of(), Map.of(), at);
  }

  public static Contribution of(
      RewardsEvent event, Long balanceBefore, long balanceAfter, BalanceRanges ranges) {
    Map<String, Long> increments = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    event.accept(
        new RewardsEvent.Visitor<Void>() {
          @Override
          public Void pointsEarned(PointsEarned earned) {
            earned(
                increments,
                names,
                earned.category(),
                earned.points(),
                Amounts.toCents(earned.amount()));
            return null;
          }

          @Override
          public Void rewardRedeemed(RewardRedeemed redeemed) {
            redeemed(increments, names, redeemed.rewardType(), redeemed.pointsRedeemed());
            if (redeemed.holdId() != null) {
              // a capture: its hold's points are no longer held, captured or released
              increments.merge(
                  HELD_POINTS, -(redeemed.pointsRedeemed() + redeemed.pointsReleased()), Long::sum);
            }
            return null;
          }

          @Override
          public Void redemptionRejected(RedemptionRejected refused) {
            return null; // nothing was spent
          }

          @Override
          public Void commandRejected(CommandRejected rejected) {
            return null; // nothing was applied
          }

          @Override
          public Void pointsAdjusted(PointsAdjusted adjusted) {
            return null; // no category or reward: only the user's balance moves
          }

          @Override
          public Void pointsReversed(PointsReversed reversed) {
            refunded(
                increments,
                names,
                reversed.category(),
                reversed.pointsReversed(),
                Amounts.toCents(reversed.refundedAmount()));
            return null;
          }

          @Override
          public Void pointsHeld(PointsHeld held) {
            increments.merge(HELD_POINTS, held.points(), Long::sum);
            return null;
          }

          @Override
          public Void holdReleased(HoldReleased released) {
            increments.merge(HELD_POINTS, -released.points(), Long::sum);
            return null;
          }

          @Override
          public Void pointsExpired(PointsExpired expired) {
            increments.merge(EXPIRED_POINTS, expired.points(), Long::sum);
            return null;
          }

          @Override
          public Void redemptionCancelled(RedemptionCancelled cancelled) {
            cancelled(
                increments,
                names,
                cancelled.rewardType(),
                cancelled.pointsRedeemed(),
                cancelled.pointsExpiredMeanwhile());
            return null;
          }
        });
    moveUser(increments, balanceBefore, balanceAfter, ranges);
    return new Contribution(increments, names, event.occurredAt());
  }

  /** A purchase counted under its category. */
  public static void earned(
      Map<String, Long> increments,
      Map<String, String> names,
      String category,
      long points,
      long amountCents) {
    String key = category(category);
    increments.merge(key + ".points", points, Long::sum);
    increments.merge(key + ".amountCents", amountCents, Long::sum);
    increments.merge(key + ".count", 1L, Long::sum);
    names.put(key + ".name", category);
  }

  /**
   * A refund netted out of its purchase's category: its points and amount no longer count (the
   * purchase still counts as a transaction).
   */
  public static void refunded(
      Map<String, Long> increments,
      Map<String, String> names,
      String category,
      long pointsReversed,
      long refundedCents) {
    String key = category(category);
    increments.merge(key + ".points", -pointsReversed, Long::sum);
    increments.merge(key + ".amountCents", -refundedCents, Long::sum);
    names.put(key + ".name", category);
    increments.merge(REVERSED_POINTS, pointsReversed, Long::sum);
  }

  /**
   * A cancelled redemption no longer counts under its reward type; what of it had expired meanwhile
   * counts as expired.
   */
  public static void cancelled(
      Map<String, Long> increments,
      Map<String, String> names,
      String rewardType,
      long pointsRedeemed,
      long pointsExpiredMeanwhile) {
    String key = rewardType(rewardType);
    increments.merge(key + ".points", -pointsRedeemed, Long::sum);
    increments.merge(key + ".count", -1L, Long::sum);
    names.put(key + ".name", rewardType);
    increments.merge(EXPIRED_POINTS, pointsExpiredMeanwhile, Long::sum);
  }

  /** Counter of points reversed by refunds. */
  public static final String REVERSED_POINTS = "reversedPoints";

  /** Counter of points that expired. */
  public static final String EXPIRED_POINTS = "expiredPoints";

  /** Points reserved by active holds. */
  public static final String HELD_POINTS = "heldPoints";

  /** Σ of the balances of the users counted. */
  public static final String OUTSTANDING_POINTS = "outstandingPoints";

  /** A redemption counted under its reward type. */
  public static void redeemed(
      Map<String, Long> increments, Map<String, String> names, String rewardType, long points) {
    String key = rewardType(rewardType);
    increments.merge(key + ".points", points, Long::sum);
    increments.merge(key + ".count", 1L, Long::sum);
    names.put(key + ".name", rewardType);
  }

  /**
   * A user counted in the histogram moves from the range of its old balance to the new one, and the
   * outstanding points by the difference.
   */
  public static void moveUser(
      Map<String, Long> increments, Long balanceBefore, long balanceAfter, BalanceRanges ranges) {
    long moved = balanceAfter - (balanceBefore == null ? 0 : balanceBefore);
    if (moved != 0) {
      increments.merge(OUTSTANDING_POINTS, moved, Long::sum);
    }
    long to = ranges.rangeOf(balanceAfter);
    if (balanceBefore == null) {
      increments.merge(range(to), 1L, Long::sum);
      increments.merge("users", 1L, Long::sum);
      return;
    }
    long from = ranges.rangeOf(balanceBefore);
    if (from != to) {
      increments.merge(range(from), -1L, Long::sum);
      increments.merge(range(to), 1L, Long::sum);
    }
  }
}
