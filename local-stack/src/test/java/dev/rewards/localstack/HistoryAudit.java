package dev.rewards.localstack;

import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.localstack.ReferenceModel.Expected;
import dev.rewards.localstack.ReferenceModel.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * What a history run against the system must end with, checked against the reference model: one
 * outcome per accepted command, equal to the model's; balances and the admin totals; every user's
 * statement adding up; the analytics equal to a recount. Shared by the reliability history in the
 * build and the soak run.
 */
final class HistoryAudit {

  private final ReferenceModel model;
  private final TopicRecorder recorder;
  private final PatientClient client;
  private final Collection<UUID> accepted;
  private final List<String> users;
  private final Map<String, Object> figures;

  HistoryAudit(
      ReferenceModel model,
      TopicRecorder recorder,
      PatientClient client,
      Collection<UUID> accepted,
      List<String> users,
      Map<String, Object> figures) {
    this.model = model;
    this.recorder = recorder;
    this.client = client;
    this.accepted = accepted;
    this.users = users;
    this.figures = figures;
  }

  /**
   * Waits until every accepted command has a committed outcome; if some never get one, fails naming
   * them, where they lie on the commands topic, and whether the recorder was still reading.
   */
  void drain(Duration timeout) {
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> recorder.readerFailure().isPresent() || withoutOutcome().isEmpty());
    } catch (ConditionTimeoutException e) {
      // reported below with what is missing
    }
    List<UUID> missing = withoutOutcome();
    if (recorder.readerFailure().isPresent() || !missing.isEmpty()) {
      StringBuilder report = new StringBuilder();
      report.append(missing.size()).append(" of ").append(accepted.size());
      report.append(" accepted commands have no committed outcome after ").append(timeout);
      recorder
          .readerFailure()
          .ifPresent(f -> report.append("; the recorder stopped reading: ").append(f));
      missing.stream()
          .limit(10)
          .forEach(
              id ->
                  report
                      .append("\n  ")
                      .append(id)
                      .append(" on the commands topic at ")
                      .append(recorder.positionsOf(id)));
      throw new AssertionError(report.toString());
    }
  }

  private List<UUID> withoutOutcome() {
    return accepted.stream().filter(id -> recorder.outcomesOf(id).isEmpty()).toList();
  }

  void outcomes(List<String> violations) {
    for (UUID commandId : accepted) {
      List<RewardsEvent> outcomes = recorder.outcomesOf(commandId);
      if (outcomes.size() != 1) {
        violations.add(commandId + " has " + outcomes.size() + " outcomes: " + outcomes);
        continue;
      }
      Expected expected = model.expectationFor(commandId);
      if (expected == null) {
        continue; // a racing redemption: counted in redemptionsRaceOnOneUser
      }
      RewardsEvent event = outcomes.get(0);
      if (!matches(expected, event)) {
        violations.add(commandId + ": expected " + expected + " but the ledger announced " + event);
      }
    }
    figures.put("commands accepted (each audited for exactly one outcome)", accepted.size());
    figures.put("outcomes by kind (racing redemptions apart)", model.outcomeCounts());
  }

  /** Whether the announced outcome is the one the model predicts. */
  static boolean matches(Expected expected, RewardsEvent event) {
    if (!expected.applied()) {
      return event instanceof RedemptionRejected rejected
          ? expected.op().kind() == Kind.REDEEM
              && rejected.availablePoints() == expected.balanceAfter()
          : event instanceof CommandRejected refused && refused.reason().equals(expected.reason());
    }
    return switch (expected.op().kind()) {
      case EARN ->
          event instanceof PointsEarned earned
              && earned.points() == expected.points()
              && earned.newBalance() == expected.balanceAfter();
      case REDEEM ->
          event instanceof RewardRedeemed redeemed
              && redeemed.pointsRedeemed() == expected.points()
              && redeemed.remainingPoints() == expected.balanceAfter();
      case ADJUST ->
          event instanceof PointsAdjusted adjusted
              && adjusted.delta() == expected.points()
              && adjusted.newBalance() == expected.balanceAfter();
      case REFUND ->
          event instanceof PointsReversed refunded
              && refunded.pointsReversed() == expected.points()
              && refunded.newBalance() == expected.balanceAfter();
      case CANCEL ->
          event instanceof RedemptionCancelled cancelled
              && cancelled.pointsRestored() == expected.points()
              && cancelled.newBalance() == expected.balanceAfter();
      case HOLD ->
          event instanceof PointsHeld held
              && held.points() == expected.points()
              && held.newBalance() == expected.balanceAfter();
      case CAPTURE ->
          event instanceof RewardRedeemed captured
              && captured.holdId() != null
              && captured.pointsRedeemed() == expected.points()
              && captured.remainingPoints() == expected.balanceAfter();
      case VOID ->
          event instanceof HoldReleased released
              && released.points() == expected.points()
              && released.newBalance() == expected.balanceAfter();
    };
  }

  /**
   * Every user's statement: as many entries as applied commands, each balance after it the one
   * before plus its points, adding up to the balance; and the lifetime points of the balance read.
   */
  void statements(List<String> violations) {
    long entries = 0;
    for (String user : users) {
      List<JsonNode> statement = new ArrayList<>();
      for (int page = 1; ; page++) {
        JsonNode body = client.read("/rewards/statement/" + user + "?limit=100&page=" + page);
        body.get("entries").forEach(statement::add);
        if (page >= body.get("pagination").get("pages").asInt()) {
          break;
        }
      }
      java.util.Collections.reverse(statement); // oldest first
      long running = 0;
      for (JsonNode entry : statement) {
        running += entry.get("points").asLong();
        if (entry.get("balanceAfter").asLong() != running) {
          violations.add(user + "'s statement breaks at " + entry + ": expected " + running);
          break;
        }
      }
      entries += statement.size();
      compare(violations, user + " statement total", running, model.balanceOf(user));
      compare(violations, user + " statement entries", statement.size(), model.movementsOf(user));
      compare(
          violations,
          user + " lifetimePoints",
          client.read("/rewards/points/" + user).get("lifetimePoints").asLong(),
          model.lifetimePointsOf(user));
    }
    figures.put("statement entries audited (Σ = balance for every user)", entries);
  }

  void balancesAndTotals(List<String> violations) {
    Map<String, Long> expected = model.balances();
    // the cache may hold pre-outage balances for a moment after Redis came back; then it is exact
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> expected.entrySet().stream().allMatch(e -> balance(e.getKey()) == e.getValue()));
    expected.forEach(
        (user, balance) -> {
          long actual = balance(user);
          if (actual != balance) {
            violations.add(user + " has " + actual + " points, the model " + balance);
          }
        });
    JsonNode summary =
        client
            .read(
                "/rewards/admin/database-summary",
                Map.of("Authorization", "Bearer " + FaultyStack.ADMIN_TOKEN))
            .get("summary");
    long inSystem = expected.values().stream().mapToLong(Long::longValue).sum();
    compare(
        violations, "totalPointsEarned", summary.get("totalPointsEarned").asLong(), model.earned());
    compare(
        violations,
        "totalPointsRedeemed",
        summary.get("totalPointsRedeemed").asLong(),
        model.redeemed());
    compare(
        violations,
        "totalPointsReversed",
        summary.get("totalPointsReversed").asLong(),
        model.reversed());
    compare(
        violations,
        "totalPointsAdjusted",
        summary.get("totalPointsAdjusted").asLong(),
        model.adjusted());
    compare(
        violations,
        "totalPointsExpired",
        summary.get("totalPointsExpired").asLong(),
        model.expired());
    compare(
        violations, "totalPointsInSystem", summary.get("totalPointsInSystem").asLong(), inSystem);
    compare(
        violations,
        "earned − redeemed − reversed − expired + adjusted",
        model.earned() - model.redeemed() - model.reversed() - model.expired() + model.adjusted(),
        inSystem);
  }

  void analytics(List<String> violations) {
    List<String> last = new ArrayList<>();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                last.clear();
                compareAnalytics(client.read("/analytics/rewards-distribution"), last);
                return last.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      last.forEach(v -> violations.add("analytics: " + v));
    }
  }

  private void compareAnalytics(JsonNode distribution, List<String> differences) {
    Map<String, ReferenceModel.CategoryTotals> categories = model.categories();
    differences.addAll(analyticsCategoryDifferences(distribution, categories));
    JsonNode summary = distribution.get("summary");
    long totalPoints =
        categories.values().stream().mapToLong(ReferenceModel.CategoryTotals::points).sum();
    long transactions =
        categories.values().stream().mapToLong(ReferenceModel.CategoryTotals::count).sum();
    compare(differences, "summary.totalPoints", summary.get("totalPoints").asLong(), totalPoints);
    compare(
        differences,
        "summary.totalTransactions",
        summary.get("totalTransactions").asLong(),
        transactions);
    compare(
        differences,
        "summary.totalPointsRedeemed",
        summary.get("totalPointsRedeemed").asLong(),
        model.redeemed());
    compare(
        differences,
        "summary.totalPointsReversed",
        summary.get("totalPointsReversed").asLong(),
        model.reversed());
    compare(differences, "summary.heldPoints", summary.get("heldPoints").asLong(), model.held());
    compare(
        differences,
        "summary.totalPointsExpired",
        summary.get("totalPointsExpired").asLong(),
        model.expired());
    compare(
        differences,
        "summary.outstandingPoints",
        summary.get("outstandingPoints").asLong(),
        model.balances().values().stream().mapToLong(Long::longValue).sum());
    Map<String, List<Long>> byType = new java.util.TreeMap<>();
    distribution
        .get("redemptionsByType")
        .forEach(
            r ->
                byType.put(
                    r.get("rewardType").asString(),
                    List.of(r.get("count").asLong(), r.get("totalPoints").asLong())));
    if (!byType.equals(model.redemptionsByType())) {
      differences.add("redemptionsByType " + byType + " != model " + model.redemptionsByType());
    }
    List<Long> bounds = new ArrayList<>();
    Map<Long, Long> histogram = new java.util.HashMap<>();
    distribution
        .get("balanceHistogram")
        .forEach(
            range -> {
              bounds.add(range.get("min").asLong());
              histogram.put(range.get("min").asLong(), range.get("users").asLong());
            });
    if (!histogram.equals(model.histogram(bounds))) {
      differences.add("balanceHistogram " + histogram + " != model " + model.histogram(bounds));
    }
  }

  private static List<String> analyticsCategoryDifferences(
      JsonNode distribution, Map<String, ReferenceModel.CategoryTotals> expected) {
    List<String> differences = new ArrayList<>();
    Map<String, JsonNode> actual = new LinkedHashMap<>();
    distribution.get("distribution").forEach(c -> actual.put(c.get("category").asString(), c));
    if (!actual.keySet().equals(expected.keySet())) {
      differences.add("categories " + actual.keySet() + " != model " + expected.keySet());
      return differences;
    }
    expected.forEach(
        (category, totals) -> {
          JsonNode row = actual.get(category);
          if (row.get("totalPoints").asLong() != totals.points()
              || row.get("transactionCount").asLong() != totals.count()
              || row.get("totalAmount").decimalValue().compareTo(totals.amount()) != 0) {
            differences.add(category + " " + row + " != model " + totals);
          }
        });
    return differences;
  }

  private long balance(String user) {
    return client.read("/rewards/points/" + user).get("totalPoints").asLong();
  }

  private static void compare(List<String> violations, String what, long actual, long expected) {
    if (actual != expected) {
      violations.add(what + " is " + actual + ", the model says " + expected);
    }
  }
}
