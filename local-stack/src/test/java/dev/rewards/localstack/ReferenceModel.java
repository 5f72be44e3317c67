package dev.rewards.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the ledger must end up with, computed the simple way: one map of balances, commands applied
 * in the order each user's commands were accepted (a user's commands share a partition, so that is
 * the order the ledger sees them in). Also keeps the analytics recount.
 */
final class ReferenceModel {

  /** The reward options of the contract: type → points required. */
  static final Map<String, Long> OPTIONS =
      Map.of("cashback", 1000L, "voucher", 500L, "gift_card", 2000L);

  static final BigDecimal POINTS_PER_UNIT = new BigDecimal("0.5");

  /** One request the history makes. {@code points} is null for an earn left to the rules. */
  record Op(
      String userId,
      boolean earn,
      Long points,
      String category,
      BigDecimal amount,
      String rewardType) {

    String path() {
      return (earn ? "/rewards/add-points/" : "/rewards/redeem/") + userId;
    }

    String body() {
      if (!earn) {
        return "{\"pointsToRedeem\":%d,\"rewardType\":\"%s\"}".formatted(points, rewardType);
      }
      return points == null
          ? "{\"category\":\"%s\",\"amount\":%s}".formatted(category, amount.toPlainString())
          : "{\"points\":%d,\"category\":\"%s\",\"amount\":%s}"
              .formatted(points, category, amount.toPlainString());
    }

    long earnedPoints() {
      return points != null
          ? points
          : Math.max(
              1, amount.multiply(POINTS_PER_UNIT).setScale(0, RoundingMode.DOWN).longValue());
    }
  }

  /** The outcome the model predicts: applied or not, and the balance right after. */
  record Expected(Op op, boolean applied, long points, long balanceAfter) {}

  record CategoryTotals(long points, BigDecimal amount, long count) {}

  private final Map<String, Long> balances = new ConcurrentHashMap<>();
  private final Map<UUID, Expected> expected = new ConcurrentHashMap<>();
  private final Map<String, CategoryTotals> categories = new TreeMap<>();
  private final Map<String, long[]> redemptions = new TreeMap<>();
  private long earned;
  private long redeemed;

  void user(String userId) {
    balances.put(userId, 0L);
  }

  /** The command the API accepted for {@code op}, in the order of its user's acceptances. */
  synchronized Expected accepted(Op op, UUID commandId) {
    Expected known = expected.get(commandId);
    if (known != null) {
      return known; // a retried request: the same command, applied once
    }
    long balance = balances.get(op.userId());
    Expected outcome;
    if (op.earn()) {
      long points = op.earnedPoints();
      outcome = new Expected(op, true, points, balance + points);
      earned += points;
      categories.merge(
          op.category(),
          new CategoryTotals(points, op.amount(), 1),
          (a, b) ->
              new CategoryTotals(
                  a.points() + b.points(), a.amount().add(b.amount()), a.count() + b.count()));
    } else if (balance >= op.points()) {
      outcome = new Expected(op, true, op.points(), balance - op.points());
      countRedemption(op.rewardType(), op.points(), 1);
    } else {
      outcome = new Expected(op, false, op.points(), balance);
    }
    balances.put(op.userId(), outcome.balanceAfter());
    expected.put(commandId, outcome);
    return outcome;
  }

  /**
   * Redemptions that raced each other on one user: their order is the ledger's to pick, so only
   * their number is predicted — as many as the balance covers.
   */
  synchronized long raced(String userId, String rewardType, long cost, int requests) {
    long balance = balances.get(userId);
    long affordable = Math.min(requests, balance / cost);
    balances.put(userId, balance - affordable * cost);
    countRedemption(rewardType, cost, affordable);
    return affordable;
  }

  private void countRedemption(String rewardType, long points, long count) {
    redeemed += points * count;
    long[] totals = redemptions.computeIfAbsent(rewardType, t -> new long[2]);
    totals[0] += count;
    totals[1] += points * count;
  }

  Expected expectationFor(UUID commandId) {
    return expected.get(commandId);
  }

  Map<UUID, Expected> expectations() {
    return expected;
  }

  synchronized long balanceOf(String userId) {
    return balances.get(userId);
  }

  synchronized Map<String, Long> balances() {
    return new TreeMap<>(balances);
  }

  synchronized long earned() {
    return earned;
  }

  synchronized long redeemed() {
    return redeemed;
  }

  synchronized Map<String, CategoryTotals> categories() {
    return new TreeMap<>(categories);
  }

  /** reward type → {count, points}. */
  synchronized Map<String, List<Long>> redemptionsByType() {
    Map<String, List<Long>> copy = new TreeMap<>();
    redemptions.forEach((type, totals) -> copy.put(type, List.of(totals[0], totals[1])));
    return copy;
  }

  /** Users per histogram range, given the ranges' lower bounds. */
  synchronized Map<Long, Long> histogram(List<Long> lowerBounds) {
    Map<Long, Long> users = new HashMap<>();
    lowerBounds.forEach(bound -> users.put(bound, 0L));
    for (long balance : balances.values()) {
      long range = 0;
      for (long bound : lowerBounds) {
        if (balance >= bound) {
          range = bound;
        }
      }
      users.merge(range, 1L, Long::sum);
    }
    return users;
  }
}
