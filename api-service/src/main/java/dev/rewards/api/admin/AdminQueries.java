package dev.rewards.api.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.rewards.api.history.Pagination;
import dev.rewards.support.store.StoreSchema.Accounts;
import dev.rewards.support.store.StoreSchema.Adjustments;
import dev.rewards.support.store.StoreSchema.Movements;
import dev.rewards.support.store.StoreSchema.Redemptions;
import dev.rewards.support.store.StoreSchema.Transactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Whole-system reads for operators: the user list and the database totals. */
@Component
class AdminQueries {

  private final MongoDatabase database;

  AdminQueries(MongoDatabase database) {
    this.database = database;
  }

  /** Users, newest first. */
  List<Map<String, Object>> users(Pagination pagination) {
    List<Map<String, Object>> page = new ArrayList<>();
    if (pagination.skip() >= pagination.total()) {
      return page;
    }
    database
        .getCollection("users")
        .find()
        .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
        .skip((int) pagination.skip())
        .limit(pagination.limit())
        .forEach(
            doc -> {
              Map<String, Object> user = new LinkedHashMap<>();
              user.put("id", doc.get("_id"));
              user.put("name", doc.getString("name"));
              user.put("email", doc.getString("email"));
              user.put("createdAt", doc.getDate("createdAt").toInstant());
              page.add(user);
            });
    return page;
  }

  long userCount() {
    return database.getCollection("users").countDocuments();
  }

  /**
   * Totals over the ledger. Points in the system are the sum of the account balances, which the
   * ledger keeps equal to earned − redeemed − reversed − expired + adjusted (the original service
   * added them up twice). A cancelled redemption no longer counts as one; what of it had expired
   * meanwhile counts as expired, beside the lots that expired (their statement entries).
   */
  DatabaseSummary summary() {
    MongoCollection<Document> redemptions = database.getCollection(Redemptions.NAME);
    Document standing = new Document(Redemptions.CANCELLATION, new Document("$exists", false));
    Document cancelled = new Document(Redemptions.CANCELLATION, new Document("$exists", true));
    return new DatabaseSummary(
        userCount(),
        database.getCollection(Transactions.NAME).countDocuments(),
        redemptions.countDocuments(standing),
        sum(database.getCollection(Transactions.NAME), null, Transactions.POINTS_EARNED),
        sum(redemptions, standing, Redemptions.POINTS_REDEEMED),
        sum(database.getCollection(Transactions.NAME), null, Transactions.POINTS_REVERSED),
        sum(redemptions, cancelled, Redemptions.CANCELLATION + ".pointsExpiredMeanwhile")
            - sum(
                database.getCollection(Movements.NAME),
                new Document(Movements.KIND, "EXPIRE"),
                Movements.POINTS),
        sum(database.getCollection(Adjustments.NAME), null, Adjustments.DELTA),
        sum(database.getCollection(Accounts.NAME), null, Accounts.BALANCE));
  }

  /** Σ {@code field} over the documents {@code filter} matches (all if null); absent counts 0. */
  private static long sum(MongoCollection<Document> collection, Document filter, String field) {
    List<Document> pipeline = new ArrayList<>();
    if (filter != null) {
      pipeline.add(new Document("$match", filter));
    }
    pipeline.add(
        new Document(
            "$group",
            new Document("_id", null).append("total", new Document("$sum", "$" + field))));
    Document total = collection.aggregate(pipeline).first();
    return total == null ? 0 : ((Number) total.get("total")).longValue();
  }

  /** The body of GET /rewards/admin/database-summary, inside {@code summary}. */
  record DatabaseSummary(
      long totalUsers,
      long totalTransactions,
      long totalRedemptions,
      long totalPointsEarned,
      long totalPointsRedeemed,
      long totalPointsReversed,
      long totalPointsExpired,
      long totalPointsAdjusted,
      long totalPointsInSystem) {}
}
