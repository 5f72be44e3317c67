package dev.rewards.api.analytics;

import com.mongodb.client.MongoDatabase;
import dev.rewards.api.analytics.RewardsDistribution.BalanceRange;
import dev.rewards.api.analytics.RewardsDistribution.CategoryTotals;
import dev.rewards.api.analytics.RewardsDistribution.RedemptionTotals;
import dev.rewards.api.analytics.RewardsDistribution.Summary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads the aggregates analytics-worker maintains — one small document per event partition — and
 * adds them up. The cost depends on the partition and category counts, never on how many
 * transactions there are.
 */
@Component
class DistributionReader {

  private final MongoDatabase database;

  DistributionReader(MongoDatabase database) {
    this.database = database;
  }

  RewardsDistribution read() {
    Map<String, long[]> categories = new HashMap<>(); // points, amountCents, count
    Map<String, long[]> redemptions = new HashMap<>(); // count, points
    Map<Long, Long> histogram = new TreeMap<>();
    for (long bound : lowerBounds()) {
      histogram.put(bound, 0L);
    }
    Instant asOf = null;
    long[] ledgerTotals = new long[4]; // reversed, expired, outstanding, held
    for (Document partition : database.getCollection("analytics_partitions").find()) {
      ledgerTotals[0] += number(partition, "reversedPoints");
      ledgerTotals[1] += number(partition, "expiredPoints");
      ledgerTotals[2] += number(partition, "outstandingPoints");
      ledgerTotals[3] += number(partition, "heldPoints");
      for (Document category : children(partition, "categories")) {
        long[] totals = categories.computeIfAbsent(category.getString("name"), n -> new long[3]);
        totals[0] += number(category, "points");
        totals[1] += number(category, "amountCents");
        totals[2] += number(category, "count");
      }
      for (Document reward : children(partition, "redemptions")) {
        long[] totals = redemptions.computeIfAbsent(reward.getString("name"), n -> new long[2]);
        totals[0] += number(reward, "count");
        totals[1] += number(reward, "points");
      }
      Document ranges = partition.get("histogram", Document.class);
      if (ranges != null) {
        ranges.forEach(
            (bound, users) ->
                histogram.merge(Long.parseLong(bound), ((Number) users).longValue(), Long::sum));
      }
      Date at = partition.getDate("asOf");
      if (at != null && (asOf == null || at.toInstant().isAfter(asOf))) {
        asOf = at.toInstant();
      }
    }
    return new RewardsDistribution(
        distribution(categories),
        summary(categories, redemptions, ledgerTotals),
        redemptions.entrySet().stream()
            .map(e -> new RedemptionTotals(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .sorted(Comparator.comparingLong(RedemptionTotals::totalPoints).reversed())
            .toList(),
        histogram(histogram),
        asOf);
  }

  private static List<CategoryTotals> distribution(Map<String, long[]> categories) {
    return categories.entrySet().stream()
        .map(
            e -> {
              long[] t = e.getValue();
              return new CategoryTotals(
                  e.getKey(),
                  t[0],
                  BigDecimal.valueOf(t[1], 2),
                  t[2],
                  t[2] == 0
                      ? BigDecimal.ZERO
                      : BigDecimal.valueOf(t[0])
                          .divide(BigDecimal.valueOf(t[2]), 2, RoundingMode.HALF_UP));
            })
        .sorted(
            Comparator.comparingLong(CategoryTotals::totalPoints)
                .reversed()
                .thenComparing(CategoryTotals::category))
        .toList();
  }

  private static Summary summary(
      Map<String, long[]> categories, Map<String, long[]> redemptions, long[] ledgerTotals) {
    long points = 0;
    long transactions = 0;
    for (long[] t : categories.values()) {
      points += t[0];
      transactions += t[2];
    }
    long redeemed = 0;
    long redemptionCount = 0;
    for (long[] t : redemptions.values()) {
      redemptionCount += t[0];
      redeemed += t[1];
    }
    return new Summary(
        points,
        transactions,
        categories.size(),
        redeemed,
        redemptionCount,
        ledgerTotals[0],
        ledgerTotals[1],
        ledgerTotals[2],
        ledgerTotals[3]);
  }

  private static List<BalanceRange> histogram(Map<Long, Long> usersByLowerBound) {
    List<Long> bounds = new ArrayList<>(usersByLowerBound.keySet());
    List<BalanceRange> ranges = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      Long max = i + 1 < bounds.size() ? bounds.get(i + 1) - 1 : null;
      ranges.add(new BalanceRange(bounds.get(i), max, usersByLowerBound.get(bounds.get(i))));
    }
    return ranges;
  }

  private List<Long> lowerBounds() {
    Document settings =
        database
            .getCollection("analytics_settings")
            .find(new Document("_id", "balanceRanges"))
            .first();
    if (settings == null) {
      return List.of();
    }
    return settings.getList("lowerBounds", Number.class).stream().map(Number::longValue).toList();
  }

  private static List<Document> children(Document parent, String field) {
    Document children = parent.get(field, Document.class);
    if (children == null) {
      return List.of();
    }
    List<Document> list = new ArrayList<>();
    children.values().forEach(child -> list.add((Document) child));
    return list;
  }

  private static long number(Document document, String field) {
    Object value = document.get(field);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
