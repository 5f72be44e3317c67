package dev.rewards.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the ledger must end up with, computed the simple way: per user a balance and the purchases
 * and redemptions a correction may name, commands applied in the order each user's commands were
 * accepted (a user's commands share a partition, so that is the order the ledger sees them in).
 * Also keeps the analytics and admin totals. Points never expire here: every purchase is dated now
 * and the validity is a year, so a cancelled redemption always restores all its points.
 */
final class ReferenceModel {

  /** The reward options of the contract: type → points required. */
  static final Map<String, Long> OPTIONS =
      Map.of("cashback", 1000L, "voucher", 500L, "gift_card", 2000L);

  static final BigDecimal POINTS_PER_UNIT = new BigDecimal("0.5");

  enum Kind {
    EARN,
    REDEEM,
    ADJUST,
    REFUND,
    CANCEL,
    HOLD,
    CAPTURE,
    VOID
  }

  /**
   * One request the history makes, drawn before it is sent. {@code points} is null for an earn left
   * to the rules; for an adjustment it is signed. A correction names its purchase or redemption
   * when it is sent, chosen by {@code pick} among those of its user so far — so the history is the
   * same for a seed whatever the threads' interleaving. {@code expiresAt}: an earn's own expiry
   * (campaign points), or for a hold a short life (10 s) instead of a day; else null.
   */
  record Op(
      String userId,
      Kind kind,
      Long points,
      String category,
      BigDecimal amount,
      String rewardType,
      long pick,
      java.time.Instant expiresAt) {

    long earnedPoints() {
      return points != null
          ? points
          : Math.max(
              1, amount.multiply(POINTS_PER_UNIT).setScale(0, RoundingMode.DOWN).longValue());
    }
  }

  /** An op made concrete against its user's history: what is sent, and what it names. */
  record Request(
      Op op,
      String path,
      String body,
      Purchase purchase,
      BigDecimal refundAmount,
      Redemption redemption,
      HoldState hold) {

    Request(
        Op op,
        String path,
        String body,
        Purchase purchase,
        BigDecimal refundAmount,
        Redemption redemption) {
      this(op, path, body, purchase, refundAmount, redemption, null);
    }
  }

  /**
   * The outcome the model predicts: applied or not (with the rejection reason), and the balance.
   */
  record Expected(Op op, boolean applied, long points, long balanceAfter, String reason) {}

  record CategoryTotals(long points, BigDecimal amount, long count) {

    CategoryTotals plus(CategoryTotals other) {
      return new CategoryTotals(
          points + other.points, amount.add(other.amount), count + other.count);
    }
  }

  /** A purchase as a refund sees it. */
  static final class Purchase {
    final UUID commandId;
    final String key;
    final long points;
    final BigDecimal amount;
    final String category;
    BigDecimal refunded = BigDecimal.ZERO;

    Purchase(UUID commandId, String key, long points, BigDecimal amount, String category) {
      this.commandId = commandId;
      this.key = key;
      this.points = points;
      this.amount = amount;
      this.category = category;
    }
  }

  /** An applied redemption as a cancellation sees it. */
  static final class Redemption {
    final UUID commandId;
    final long points;
    final String rewardType;
    boolean cancelled;

    Redemption(UUID commandId, long points, String rewardType) {
      this.commandId = commandId;
      this.points = points;
      this.rewardType = rewardType;
    }
  }

  /** A hold as a capture or void sees it. */
  static final class HoldState {
    final UUID holdId;
    final long points;
    final String rewardType;
    boolean active = true;

    HoldState(UUID holdId, long points, String rewardType) {
      this.holdId = holdId;
      this.points = points;
      this.rewardType = rewardType;
    }
  }

  private static final class UserState {
    long balance;
    long held;
    final List<HoldState> holds = new ArrayList<>();
    long lifetime;
    long movements;
    final List<Purchase> purchases = new ArrayList<>();
    final List<Redemption> redemptions = new ArrayList<>();
  }

  private final Map<String, UserState> users = new HashMap<>();
  private final Map<UUID, Expected> expected = new HashMap<>();
  private final Map<String, CategoryTotals> categories = new TreeMap<>();
  private final Map<String, long[]> redemptions = new TreeMap<>();
  private long earned;
  private long redeemed;
  private long reversed;
  private long adjusted;
  private long expired;

  /**
   * The life of a hold that is not meant to time out, in seconds: the longest allowed, so none does
   * within a history, however long it runs (the soak's outlast the 15-minute default).
   */
  static final int UNTIMED_HOLD = 86_400;

  synchronized void user(String userId) {
    users.put(userId, new UserState());
  }

  /** The request for {@code op}, against its user's history so far. */
  synchronized Request request(Op op) {
    UserState user = users.get(op.userId());
    String u = op.userId();
    return switch (op.kind()) {
      case EARN ->
          new Request(
              op,
              "/rewards/add-points/" + u,
              (op.points() == null
                      ? "{\"category\":\"%s\",\"amount\":%s"
                          .formatted(op.category(), op.amount().toPlainString())
                      : "{\"points\":%d,\"category\":\"%s\",\"amount\":%s"
                          .formatted(op.points(), op.category(), op.amount().toPlainString()))
                  + (op.expiresAt() == null ? "}" : ",\"expiresAt\":\"" + op.expiresAt() + "\"}"),
              null,
              null,
              null);
      case HOLD ->
          new Request(
              op,
              "/rewards/holds/" + u,
              "{\"points\":%d,\"rewardType\":\"%s\",\"expiresInSeconds\":%d}"
                  .formatted(
                      op.points(), op.rewardType(), op.expiresAt() == null ? UNTIMED_HOLD : 10),
              null,
              null,
              null);
      case CAPTURE, VOID -> holdRequest(op, user);
      case REDEEM ->
          new Request(
              op,
              "/rewards/redeem/" + u,
              "{\"pointsToRedeem\":%d,\"rewardType\":\"%s\"}"
                  .formatted(op.points(), op.rewardType()),
              null,
              null,
              null);
      case ADJUST ->
          new Request(
              op,
              "/rewards/admin/adjust/" + u,
              "{\"points\":%d,\"reason\":\"reliability history\"}".formatted(op.points()),
              null,
              null,
              null);
      case REFUND -> refundRequest(op, user);
      case CANCEL -> {
        if (user.redemptions.isEmpty() || op.pick() % 10 == 0) {
          yield new Request(
              op,
              "/rewards/cancel-redemption/" + u,
              "{\"redemptionCommandId\":\"%s\"}".formatted(unknownId(op)),
              null,
              null,
              null);
        }
        Redemption redemption = user.redemptions.get((int) (op.pick() % user.redemptions.size()));
        yield new Request(
            op,
            "/rewards/cancel-redemption/" + u,
            "{\"redemptionCommandId\":\"%s\",\"reason\":\"order cancelled\"}"
                .formatted(redemption.commandId),
            null,
            null,
            redemption);
      }
    };
  }

  private static Request refundRequest(Op op, UserState user) {
    String path = "/rewards/refund/" + op.userId();
    if (user.purchases.isEmpty() || op.pick() % 10 == 0) {
      return new Request(
          op, path, "{\"commandId\":\"%s\"}".formatted(unknownId(op)), null, null, null);
    }
    Purchase purchase = user.purchases.get((int) (op.pick() % user.purchases.size()));
    String name =
        (op.pick() / 7) % 2 == 0
            ? "\"idempotencyKey\":\"%s\"".formatted(purchase.key)
            : "\"commandId\":\"%s\"".formatted(purchase.commandId);
    int share = (int) ((op.pick() / 3) % 6); // 0: all the rest; 5: more than the purchase
    BigDecimal amount =
        switch (share) {
          case 0 -> null;
          case 5 -> purchase.amount.add(new BigDecimal("0.01"));
          default ->
              purchase
                  .amount
                  .multiply(BigDecimal.valueOf(share))
                  .divide(BigDecimal.valueOf(4), 2, RoundingMode.DOWN)
                  .max(new BigDecimal("0.01"));
        };
    String body =
        amount == null
            ? "{%s,\"reason\":\"returned\"}".formatted(name)
            : "{%s,\"amount\":%s}".formatted(name, amount.toPlainString());
    return new Request(op, path, body, purchase, amount, null);
  }

  private static Request holdRequest(Op op, UserState user) {
    boolean capture = op.kind() == Kind.CAPTURE;
    HoldState hold =
        user.holds.isEmpty() || op.pick() % 10 == 0
            ? null
            : user.holds.get((int) (op.pick() % user.holds.size()));
    UUID holdId = hold == null ? unknownId(op) : hold.holdId;
    String path = "/rewards/holds/" + op.userId() + "/" + holdId + (capture ? "/capture" : "/void");
    String body = "{}";
    if (capture && hold != null && (op.pick() / 3) % 4 != 0) {
      // part of it; now and then one point more than is held
      long points =
          (op.pick() / 3) % 4 == 3
              ? hold.points + 1
              : Math.max(1, hold.points * ((op.pick() / 3) % 4) / 4);
      body = "{\"points\":%d}".formatted(points);
    }
    return new Request(op, path, body, null, null, null, hold);
  }

  /** The points a capture asks for, from its body; null for all. */
  private static Long capturePoints(Request request) {
    String body = request.body();
    return body.equals("{}")
        ? null
        : Long.parseLong(body.substring(body.indexOf(':') + 1, body.length() - 1));
  }

  private static UUID unknownId(Op op) {
    return new UUID(op.pick(), 0x5EED);
  }

  /**
   * The command the API accepted for {@code request}, in the order of its user's acceptances.
   *
   * @param key the Idempotency-Key it was sent with
   */
  synchronized Expected accepted(Request request, UUID commandId, String key) {
    Expected known = expected.get(commandId);
    if (known != null) {
      return known; // a retried request: the same command, applied once
    }
    Op op = request.op();
    UserState user = users.get(op.userId());
    Expected outcome =
        switch (op.kind()) {
          case EARN -> {
            long points = op.earnedPoints();
            user.balance += points;
            user.lifetime += points;
            user.purchases.add(new Purchase(commandId, key, points, op.amount(), op.category()));
            earned += points;
            categories.merge(
                op.category(), new CategoryTotals(points, op.amount(), 1), CategoryTotals::plus);
            yield applied(op, user, points);
          }
          case REDEEM -> {
            if (user.balance - user.held < op.points()) {
              // a refused redemption announces the points available
              yield new Expected(
                  op, false, op.points(), user.balance - user.held, "INSUFFICIENT_POINTS");
            }
            user.balance -= op.points();
            user.redemptions.add(new Redemption(commandId, op.points(), op.rewardType()));
            countRedemption(op.rewardType(), op.points(), 1);
            yield applied(op, user, op.points());
          }
          case ADJUST -> {
            if (op.points() < 0 && user.balance - user.held < -op.points()) {
              yield new Expected(op, false, op.points(), user.balance, "INSUFFICIENT_POINTS");
            }
            user.balance += op.points();
            adjusted += op.points();
            yield applied(op, user, op.points());
          }
          case REFUND -> refund(request, user);
          case HOLD -> {
            if (user.balance - user.held < op.points()) {
              yield new Expected(op, false, op.points(), user.balance, "INSUFFICIENT_POINTS");
            }
            user.held += op.points();
            user.holds.add(new HoldState(commandId, op.points(), op.rewardType()));
            yield applied(op, user, op.points());
          }
          case CAPTURE -> {
            HoldState hold = request.hold();
            String refused = holdRefusal(hold);
            Long asked = capturePoints(request);
            if (refused == null && asked != null && asked > hold.points) {
              refused = "INSUFFICIENT_POINTS";
            }
            if (refused != null) {
              yield new Expected(op, false, 0, user.balance, refused);
            }
            long points = asked == null ? hold.points : asked;
            hold.active = false;
            user.held -= hold.points;
            user.balance -= points;
            user.redemptions.add(new Redemption(commandId, points, hold.rewardType));
            countRedemption(hold.rewardType, points, 1);
            yield applied(op, user, points);
          }
          case VOID -> {
            HoldState hold = request.hold();
            String refused = holdRefusal(hold);
            if (refused != null) {
              yield new Expected(op, false, 0, user.balance, refused);
            }
            hold.active = false;
            user.held -= hold.points;
            yield applied(op, user, hold.points);
          }
          case CANCEL -> {
            Redemption redemption = request.redemption();
            if (redemption == null) {
              yield new Expected(op, false, 0, user.balance, "UNKNOWN_REDEMPTION");
            }
            if (redemption.cancelled) {
              yield new Expected(op, false, 0, user.balance, "ALREADY_CANCELLED");
            }
            redemption.cancelled = true;
            user.balance += redemption.points;
            countRedemption(redemption.rewardType, -redemption.points, -1);
            yield applied(op, user, redemption.points);
          }
        };
    expected.put(commandId, outcome);
    return outcome;
  }

  private static String holdRefusal(HoldState hold) {
    return hold == null ? "UNKNOWN_HOLD" : hold.active ? null : "HOLD_NOT_ACTIVE";
  }

  /** A hold of this user released by the ledger once expired. */
  synchronized void holdExpired(String userId, UUID holdId) {
    UserState user = users.get(userId);
    for (HoldState hold : user.holds) {
      if (hold.holdId.equals(holdId) && hold.active) {
        hold.active = false;
        user.held -= hold.points;
        user.movements++;
      }
    }
  }

  /** Points of this user expired by the ledger. */
  synchronized void pointsExpired(String userId, long points) {
    UserState user = users.get(userId);
    user.balance -= points;
    user.movements++;
    expired += points;
  }

  /** The user's most recent hold, if it was applied. */
  synchronized java.util.Optional<UUID> lastActiveHoldOf(String userId) {
    List<HoldState> holds = users.get(userId).holds;
    return holds.isEmpty() || !holds.get(holds.size() - 1).active
        ? java.util.Optional.empty()
        : java.util.Optional.of(holds.get(holds.size() - 1).holdId);
  }

  synchronized long availableOf(String userId) {
    return users.get(userId).balance - users.get(userId).held;
  }

  synchronized long held() {
    return users.values().stream().mapToLong(user -> user.held).sum();
  }

  synchronized long expired() {
    return expired;
  }

  private Expected refund(Request request, UserState user) {
    Op op = request.op();
    Purchase purchase = request.purchase();
    if (purchase == null) {
      return new Expected(op, false, 0, user.balance, "UNKNOWN_PURCHASE");
    }
    BigDecimal refundable = purchase.amount.subtract(purchase.refunded);
    if (refundable.signum() == 0) {
      return new Expected(op, false, 0, user.balance, "NOTHING_TO_REFUND");
    }
    BigDecimal amount = request.refundAmount() == null ? refundable : request.refundAmount();
    if (amount.compareTo(refundable) > 0) {
      return new Expected(op, false, 0, user.balance, "REFUND_EXCEEDS_PURCHASE");
    }
    long points =
        reversedSoFar(purchase, purchase.refunded.add(amount))
            - reversedSoFar(purchase, purchase.refunded);
    purchase.refunded = purchase.refunded.add(amount);
    user.balance -= points;
    user.lifetime -= points;
    reversed += points;
    categories.merge(
        purchase.category, new CategoryTotals(-points, amount.negate(), 0), CategoryTotals::plus);
    return applied(op, user, points);
  }

  private static long reversedSoFar(Purchase purchase, BigDecimal refunded) {
    return BigDecimal.valueOf(purchase.points)
        .multiply(refunded)
        .divide(purchase.amount, 0, RoundingMode.FLOOR)
        .longValueExact();
  }

  private static Expected applied(Op op, UserState user, long points) {
    user.movements++;
    return new Expected(op, true, points, user.balance, null);
  }

  /**
   * Redemptions that raced each other on one user: their order is the ledger's to pick, so only
   * their number is predicted — as many as the balance covers.
   */
  synchronized long raced(String userId, String rewardType, long cost, int requests) {
    UserState user = users.get(userId);
    long affordable = Math.max(0, Math.min(requests, (user.balance - user.held) / cost));
    user.balance -= affordable * cost;
    user.movements += affordable;
    countRedemption(rewardType, cost * affordable, affordable);
    return affordable;
  }

  private void countRedemption(String rewardType, long points, long count) {
    redeemed += points;
    long[] totals = redemptions.computeIfAbsent(rewardType, t -> new long[2]);
    totals[0] += count;
    totals[1] += points;
  }

  /**
   * How many commands of each kind the model applied or refused, and why: what the history covered.
   */
  synchronized Map<String, Long> outcomeCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (Expected outcome : expected.values()) {
      String key = outcome.op().kind() + " " + (outcome.applied() ? "applied" : outcome.reason());
      counts.merge(key, 1L, Long::sum);
    }
    return counts;
  }

  synchronized Expected expectationFor(UUID commandId) {
    return expected.get(commandId);
  }

  synchronized long balanceOf(String userId) {
    return users.get(userId).balance;
  }

  synchronized Map<String, Long> balances() {
    Map<String, Long> balances = new TreeMap<>();
    users.forEach((id, user) -> balances.put(id, user.balance));
    return balances;
  }

  synchronized long lifetimePointsOf(String userId) {
    return users.get(userId).lifetime;
  }

  /** How many statement entries the user has: one per applied command. */
  synchronized long movementsOf(String userId) {
    return users.get(userId).movements;
  }

  synchronized long earned() {
    return earned;
  }

  /** Net of cancelled redemptions. */
  synchronized long redeemed() {
    return redeemed;
  }

  synchronized long reversed() {
    return reversed;
  }

  synchronized long adjusted() {
    return adjusted;
  }

  synchronized Map<String, CategoryTotals> categories() {
    return new TreeMap<>(categories);
  }

  /** reward type → {count, points}, net of cancellations. */
  synchronized Map<String, List<Long>> redemptionsByType() {
    Map<String, List<Long>> copy = new TreeMap<>();
    redemptions.forEach((type, totals) -> copy.put(type, List.of(totals[0], totals[1])));
    return copy;
  }

  /** Users per histogram range, given the ranges' lower bounds (a debt counts in the first). */
  synchronized Map<Long, Long> histogram(List<Long> lowerBounds) {
    Map<Long, Long> counts = new HashMap<>();
    lowerBounds.forEach(bound -> counts.put(bound, 0L));
    for (UserState user : users.values()) {
      long range = 0;
      for (long bound : lowerBounds) {
        if (user.balance >= bound) {
          range = bound;
        }
      }
      counts.merge(range, 1L, Long::sum);
    }
    return counts;
  }
}
