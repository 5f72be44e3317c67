package dev.rewards.analytics.stream;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The aggregates across all partition documents, as comparable maps: what every reader sees,
 * whatever partition each user's counters landed in.
 */
record Totals(
    Map<String, List<Long>> categories,
    Map<String, List<Long>> redemptions,
    Map<String, Long> histogram,
    long users,
    long reversedPoints,
    long expiredPoints,
    long outstandingPoints) {

  static Totals of(List<Document> partitions) {
    Map<String, List<Long>> categories = new TreeMap<>();
    Map<String, List<Long>> redemptions = new TreeMap<>();
    Map<String, Long> histogram = new TreeMap<>();
    long users = 0;
    long[] ledger = new long[3];
    for (Document partition : partitions) {
      ledger[0] += number(partition, "reversedPoints");
      ledger[1] += number(partition, "expiredPoints");
      ledger[2] += number(partition, "outstandingPoints");
      add(
          categories,
          partition.get("categories", Document.class),
          "points",
          "amountCents",
          "count");
      add(redemptions, partition.get("redemptions", Document.class), "points", "count");
      Document ranges = partition.get("histogram", Document.class);
      if (ranges != null) {
        ranges.forEach((bound, n) -> histogram.merge(bound, ((Number) n).longValue(), Long::sum));
      }
      Object count = partition.get("users");
      users += count == null ? 0 : ((Number) count).longValue();
    }
    histogram.values().removeIf(n -> n == 0);
    return new Totals(categories, redemptions, histogram, users, ledger[0], ledger[1], ledger[2]);
  }

  private static long number(Document document, String field) {
    Object value = document.get(field);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static void add(Map<String, List<Long>> into, Document children, String... fields) {
    if (children == null) {
      return;
    }
    for (Object value : children.values()) {
      Document child = (Document) value;
      List<Long> current = into.getOrDefault(child.getString("name"), null);
      Long[] sums = new Long[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Object field = child.get(fields[i]);
        long v = field == null ? 0 : ((Number) field).longValue();
        sums[i] = (current == null ? 0 : current.get(i)) + v;
      }
      into.put(child.getString("name"), List.of(sums));
    }
  }
}
