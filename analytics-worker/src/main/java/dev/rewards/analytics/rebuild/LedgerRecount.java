package dev.rewards.analytics.rebuild;

import com.mongodb.client.MongoDatabase;
import dev.rewards.analytics.distribution.Amounts;
import dev.rewards.analytics.distribution.BalanceRanges;
import dev.rewards.analytics.distribution.Contribution;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Accounts;
import dev.rewards.support.store.StoreSchema.Adjustments;
import dev.rewards.support.store.StoreSchema.Movements;
import dev.rewards.support.store.StoreSchema.Redemptions;
import dev.rewards.support.store.StoreSchema.Transactions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Counts the aggregates afresh from the ledger — {@code transactions}, {@code redemptions} and the
 * balances in {@code accounts} — into the same documents the event stream maintains, each user
 * attributed to the partition its events are keyed to. Used by the rebuild, and by tests as the
 * reference the maintained aggregates must equal.
 */
public class LedgerRecount {

  private final MongoDatabase database;
  private final BalanceRanges ranges;

  public LedgerRecount(MongoDatabase database, BalanceRanges ranges) {
    this.database = database;
    this.ranges = ranges;
  }

  /** Aggregate documents by partition, and the user rows, as of now. */
  public Result count(int partitions, Map<Integer, Long> lastOffsets, Instant asOf) {
    Map<Integer, Map<String, Long>> increments = new TreeMap<>();
    Map<Integer, Map<String, String>> names = new TreeMap<>();
    Set<String> customers = new HashSet<>();
    for (Document tx : database.getCollection(Transactions.NAME).find().batchSize(5_000)) {
      String userId = tx.getString(Transactions.USER_ID);
      int partition = partitionOf(userId, partitions);
      customers.add(userId);
      Contribution.earned(
          increments.computeIfAbsent(partition, p -> new LinkedHashMap<>()),
          names.computeIfAbsent(partition, p -> new LinkedHashMap<>()),
          tx.getString(Transactions.CATEGORY),
          ((Number) tx.get(Transactions.POINTS_EARNED)).longValue(),
          Amounts.toCents(decimal(tx.get(Transactions.AMOUNT))));
      if (tx.get(Transactions.REFUNDED_AMOUNT) != null) {
        Contribution.refunded(
            increments.get(partition),
            names.get(partition),
            tx.getString(Transactions.CATEGORY),
            ((Number) tx.get(Transactions.POINTS_REVERSED)).longValue(),
            Amounts.toCents(decimal(tx.get(Transactions.REFUNDED_AMOUNT))));
      }
    }
    for (Document redemption : database.getCollection(Redemptions.NAME).find().batchSize(5_000)) {
      int partition = partitionOf(redemption.getString(Redemptions.USER_ID), partitions);
      Contribution.redeemed(
          increments.computeIfAbsent(partition, p -> new LinkedHashMap<>()),
          names.computeIfAbsent(partition, p -> new LinkedHashMap<>()),
          redemption.getString(Redemptions.REWARD_TYPE),
          ((Number) redemption.get(Redemptions.POINTS_REDEEMED)).longValue());
      Document cancellation = redemption.get(Redemptions.CANCELLATION, Document.class);
      if (cancellation != null) {
        Contribution.cancelled(
            increments.get(partition),
            names.get(partition),
            redemption.getString(Redemptions.REWARD_TYPE),
            ((Number) redemption.get(Redemptions.POINTS_REDEEMED)).longValue(),
            ((Number) cancellation.get("pointsExpiredMeanwhile")).longValue());
      }
    }
    for (Document expiry :
        database
            .getCollection(Movements.NAME)
            .find(new Document(Movements.KIND, "EXPIRE"))
            .batchSize(5_000)) {
      int partition = partitionOf(expiry.getString(Movements.USER_ID), partitions);
      increments
          .computeIfAbsent(partition, p -> new LinkedHashMap<>())
          .merge(
              Contribution.EXPIRED_POINTS,
              -((Number) expiry.get(Movements.POINTS)).longValue(),
              Long::sum);
    }
    for (Document adjustment : database.getCollection(Adjustments.NAME).find().batchSize(5_000)) {
      customers.add(adjustment.getString(Adjustments.USER_ID)); // a balance without a purchase
    }
    List<Document> users = new ArrayList<>();
    for (Document account : database.getCollection(Accounts.NAME).find().batchSize(5_000)) {
      String userId = account.getString(StoreSchema.ID);
      if (!customers.contains(userId)) {
        continue; // only refused redemptions: no applied outcome, not in the histogram
      }
      int partition = partitionOf(userId, partitions);
      long balance = ((Number) account.get(Accounts.BALANCE)).longValue();
      Contribution.moveUser(
          increments.computeIfAbsent(partition, p -> new LinkedHashMap<>()), null, balance, ranges);
      Number held = account.get(Accounts.HELD_POINTS, Number.class);
      if (held != null && held.longValue() != 0) {
        increments.get(partition).merge(Contribution.HELD_POINTS, held.longValue(), Long::sum);
      }
      users.add(
          new Document("_id", userId)
              .append("balance", balance)
              .append("balanceBefore", null)
              .append("partition", partition)
              .append("offset", lastOffsets.getOrDefault(partition, -1L))
              .append("recent", journalCommands(account)));
    }
    List<Document> partitionDocuments = new ArrayList<>();
    for (int partition = 0; partition < partitions; partition++) {
      Document document =
          new Document("_id", partition)
              .append("offset", lastOffsets.getOrDefault(partition, -1L))
              .append("asOf", Date.from(asOf));
      Map<String, Long> counters = increments.getOrDefault(partition, Map.of());
      counters.forEach((path, value) -> put(document, path, value));
      names.getOrDefault(partition, Map.of()).forEach((path, value) -> put(document, path, value));
      partitionDocuments.add(document);
    }
    return new Result(partitionDocuments, users);
  }

  /** The partition Kafka's default partitioner gives a record keyed by this user. */
  static int partitionOf(String userId, int partitions) {
    return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static List<String> journalCommands(Document account) {
    List<String> commands = new ArrayList<>();
    for (Document entry : account.getList(Accounts.JOURNAL, Document.class, List.of())) {
      commands.add(entry.getString(Accounts.JOURNAL_COMMAND));
    }
    return commands;
  }

  private static BigDecimal decimal(Object amount) {
    if (amount instanceof Decimal128 decimal) {
      return decimal.bigDecimalValue();
    }
    return amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString());
  }

  /** Sets a dotted path ("categories.k.points") inside nested documents. */
  private static void put(Document root, String path, Object value) {
    String[] parts = path.split("\\.");
    Document at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = at.get(parts[i]);
      if (!(next instanceof Document)) {
        next = new Document();
        at.put(parts[i], next);
      }
      at = (Document) next;
    }
    at.put(parts[parts.length - 1], value);
  }

  /** The aggregate documents (one per partition) and the user rows. */
  public record Result(List<Document> partitions, List<Document> users) {}
}
