package dev.rewards.api.history;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Movements;
import dev.rewards.support.store.StoreSchema.Redemptions;
import dev.rewards.support.store.StoreSchema.Transactions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

/** Reads a user's ledger entries (written by ledger-worker), newest first, a page at a time. */
@Component
public class LedgerHistory {

  private final MongoCollection<Document> transactions;
  private final MongoCollection<Document> redemptions;
  private final MongoCollection<Document> movements;

  LedgerHistory(MongoDatabase database) {
    this.transactions = database.getCollection(Transactions.NAME);
    this.redemptions = database.getCollection(Redemptions.NAME);
    this.movements = database.getCollection(Movements.NAME);
  }

  public Page transactions(String userId, Pagination requested) {
    return transactions(eq(Transactions.USER_ID, userId), requested);
  }

  public Page redemptions(String userId, Pagination requested) {
    return redemptions(eq(Redemptions.USER_ID, userId), requested);
  }

  /** Everyone's, for the admin endpoints. */
  public Page allTransactions(Pagination requested) {
    return transactions(new Document(), requested);
  }

  public Page allRedemptions(Pagination requested) {
    return redemptions(new Document(), requested);
  }

  private Page transactions(Bson filter, Pagination requested) {
    return page(
        transactions,
        filter,
        requested,
        doc -> {
          Map<String, Object> entry =
              entry(
                  doc,
                  "amount",
                  decimal(doc.get(Transactions.AMOUNT)),
                  "category",
                  doc.getString(Transactions.CATEGORY),
                  "pointsEarned",
                  doc.get(Transactions.POINTS_EARNED, Number.class).longValue());
          Object refunded = doc.get(Transactions.REFUNDED_AMOUNT);
          Number reversed = doc.get(Transactions.POINTS_REVERSED, Number.class);
          entry.put("refundedAmount", refunded == null ? BigDecimal.ZERO : decimal(refunded));
          entry.put("pointsReversed", reversed == null ? 0L : reversed.longValue());
          return entry;
        });
  }

  private Page redemptions(Bson filter, Pagination requested) {
    return page(
        redemptions,
        filter,
        requested,
        doc -> {
          Map<String, Object> entry =
              entry(
                  doc,
                  "pointsRedeemed",
                  doc.get(Redemptions.POINTS_REDEEMED, Number.class).longValue(),
                  "rewardType",
                  doc.getString(Redemptions.REWARD_TYPE),
                  "value",
                  decimal(doc.get(Redemptions.VALUE)));
          Document cancellation = doc.get(Redemptions.CANCELLATION, Document.class);
          entry.put("cancelled", cancellation != null);
          entry.put("cancellation", cancellation == null ? null : cancellationView(cancellation));
          return entry;
        });
  }

  /**
   * A user's statement: every movement of the balance, newest first, each with the balance after it
   * (a user's movements are ordered by the account version they left).
   */
  public Page statement(String userId, Pagination requested) {
    Bson filter = eq(Movements.USER_ID, userId);
    Pagination pagination = requested.withTotal(movements.countDocuments(filter));
    List<Map<String, Object>> items = new ArrayList<>();
    if (pagination.skip() < pagination.total()) {
      movements
          .find(filter)
          .sort(Sorts.descending(Movements.VERSION))
          .skip((int) pagination.skip())
          .limit(pagination.limit())
          .forEach(doc -> items.add(movementView(doc)));
    }
    return new Page(items, pagination);
  }

  private static Map<String, Object> movementView(Document doc) {
    Map<String, Object> movement = new LinkedHashMap<>();
    movement.put("id", doc.get(StoreSchema.ID));
    movement.put("commandId", doc.getString(Movements.COMMAND_ID));
    movement.put("kind", doc.getString(Movements.KIND));
    movement.put("points", doc.get(Movements.POINTS, Number.class).longValue());
    movement.put("balanceAfter", doc.get(Movements.BALANCE_AFTER, Number.class).longValue());
    movement.put("occurredAt", doc.getDate(Movements.OCCURRED_AT).toInstant());
    if (doc.getString(Movements.REASON) != null) {
      movement.put("reason", doc.getString(Movements.REASON));
    }
    if (doc.getString(Movements.REFERENCE) != null) {
      movement.put("reference", doc.getString(Movements.REFERENCE));
    }
    return movement;
  }

  private static Map<String, Object> cancellationView(Document stored) {
    Map<String, Object> cancellation = new LinkedHashMap<>();
    cancellation.put("commandId", stored.getString("commandId"));
    cancellation.put("timestamp", stored.getDate("at").toInstant());
    cancellation.put("pointsRestored", stored.get("pointsRestored", Number.class).longValue());
    cancellation.put(
        "pointsExpiredMeanwhile", stored.get("pointsExpiredMeanwhile", Number.class).longValue());
    cancellation.put("reason", stored.getString("reason"));
    return cancellation;
  }

  private static Page page(
      MongoCollection<Document> entries,
      Bson filter,
      Pagination requested,
      java.util.function.Function<Document, Map<String, Object>> view) {
    Pagination pagination = requested.withTotal(entries.countDocuments(filter));
    List<Map<String, Object>> items = new ArrayList<>();
    if (pagination.skip() < pagination.total()) {
      entries
          .find(filter)
          .sort(
              Sorts.orderBy(
                  Sorts.descending(Transactions.TIMESTAMP), Sorts.descending(StoreSchema.ID)))
          .skip((int) pagination.skip())
          .limit(pagination.limit())
          .forEach(doc -> items.add(view.apply(doc)));
    }
    return new Page(items, pagination);
  }

  /** id, userId, the three entry-specific fields, timestamp, commandId: the contract's order. */
  private static Map<String, Object> entry(
      Document doc, String k1, Object v1, String k2, Object v2, String k3, Object v3) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", doc.get(StoreSchema.ID));
    entry.put("userId", doc.getString(Transactions.USER_ID));
    entry.put(k1, v1);
    entry.put(k2, v2);
    entry.put(k3, v3);
    entry.put("timestamp", doc.getDate(Transactions.TIMESTAMP).toInstant());
    entry.put("commandId", doc.getString(Transactions.COMMAND_ID));
    return entry;
  }

  private static BigDecimal decimal(Object stored) {
    return stored instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(stored.toString());
  }

  /** One page of entries. */
  public record Page(List<Map<String, Object>> items, Pagination pagination) {}
}
