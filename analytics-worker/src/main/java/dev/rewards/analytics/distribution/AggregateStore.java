package dev.rewards.analytics.distribution;

import static com.mongodb.ErrorCategory.DUPLICATE_KEY;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The aggregates and what they have seen, in two collections. Every write is fenced so that writing
 * it again changes nothing:
 *
 * <ul>
 *   <li>{@code analytics_partitions}, one document per partition of {@code rewards.events}: the
 *       counters contributed by that partition's events and the {@code offset} of the last event
 *       applied. An update carries a run of events' total and applies only if none of them was
 *       counted.
 *   <li>{@code analytics_users}, one per user: the balance last seen, the balance before it, the
 *       position of that event, and the ids of the user's recent commands (so an outcome announced
 *       twice at different offsets counts once).
 * </ul>
 */
public class AggregateStore {

  public static final String PARTITIONS = "analytics_partitions";
  public static final String USERS = "analytics_users";
  public static final String SETTINGS = "analytics_settings";

  /** As many recent commands per user as the ledger's account journal keeps. */
  static final int RECENT_COMMANDS = 100;

  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private final MongoCollection<Document> partitions;
  private final MongoCollection<Document> users;
  private final MongoCollection<Document> settings;

  public AggregateStore(MongoDatabase database) {
    this.partitions = database.getCollection(PARTITIONS);
    this.users = database.getCollection(USERS);
    this.settings = database.getCollection(SETTINGS);
  }

  /** Publishes the histogram's ranges for readers, so they can list the empty ones too. */
  public void describe(BalanceRanges ranges) {
    settings.replaceOne(
        eq("_id", "balanceRanges"),
        new Document("_id", "balanceRanges").append("lowerBounds", ranges.lowerBounds()),
        new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  /** The offset each partition's counters were last moved to; absent partitions have none. */
  public Map<Integer, Long> countedOffsets(Collection<Integer> partitionIds) {
    Map<Integer, Long> offsets = new HashMap<>();
    for (Document counters :
        partitions.find(in("_id", partitionIds)).projection(new Document("offset", 1))) {
      offsets.put(
          ((Number) counters.get("_id")).intValue(), ((Number) counters.get("offset")).longValue());
    }
    return offsets;
  }

  /** The rows of these users, where they exist. */
  public Map<String, UserView> users(Collection<String> userIds) {
    Map<String, UserView> rows = new HashMap<>();
    for (Document user : users.find(in("_id", userIds))) {
      rows.put(user.getString("_id"), UserView.of(user));
    }
    return rows;
  }

  /**
   * Adds what a run of events contributed to the partition's counters and moves its offset to the
   * run's last, provided no event from {@code firstCounted} on was counted yet.
   *
   * @return false when another writer counted some of them meanwhile (the caller reads again)
   */
  public boolean add(int partition, long firstCounted, long lastOffset, Contribution contribution) {
    Document set = new Document("offset", lastOffset);
    set.putAll(contribution.names());
    Document update =
        new Document("$set", set)
            .append("$max", new Document("asOf", Date.from(contribution.at())));
    if (!contribution.increments().isEmpty()) {
      update.append("$inc", new Document(contribution.increments()));
    }
    try {
      partitions.updateOne(
          and(eq("_id", partition), lt("offset", firstCounted)),
          update,
          new UpdateOptions().upsert(true));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false; // the document exists at firstCounted or beyond
      }
      throw e;
    }
  }

  /**
   * Writes the users' rows in one request, each only over an older position of the same partition
   * (or a row from another partition, left before the partition count changed), so writing them
   * again, or after a newer writer, changes nothing.
   */
  public void saveUsers(Collection<UserRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<UpdateOneModel<Document>> writes = new ArrayList<>();
    for (UserRow row : rows) {
      Document set =
          new Document("balance", row.view().balance())
              .append("balanceBefore", row.view().balanceBefore())
              .append("partition", row.view().partition())
              .append("offset", row.view().offset())
              .append("recent", row.view().recent());
      Bson older =
          and(
              eq("_id", row.userId()),
              or(ne("partition", row.view().partition()), lt("offset", row.view().offset())));
      writes.add(new UpdateOneModel<>(older, new Document("$set", set), UPSERT));
    }
    try {
      users.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      boolean onlyNewerRows =
          e.getWriteErrors().stream()
              .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == DUPLICATE_KEY);
      if (!onlyNewerRows || e.getWriteConcernError() != null) {
        throw e;
      }
      // those rows already stand at this position or beyond
    }
  }

  public List<Document> partitionDocuments() {
    return partitions.find().into(new ArrayList<>());
  }

  /** Replaces everything at once, for a rebuild (workers stopped). */
  public void replaceAll(List<Document> partitionDocuments, List<Document> userDocuments) {
    partitions.deleteMany(new Document());
    users.deleteMany(new Document());
    if (!partitionDocuments.isEmpty()) {
      partitions.insertMany(partitionDocuments);
    }
    for (int from = 0; from < userDocuments.size(); from += 1000) {
      users.insertMany(userDocuments.subList(from, Math.min(userDocuments.size(), from + 1000)));
    }
  }

  /** A user's row to write. */
  public record UserRow(String userId, UserView view) {}

  /** A user's row: where its last applied outcome was and what it did to the balance. */
  public record UserView(
      long balance, Long balanceBefore, int partition, long offset, List<String> recent) {

    static UserView of(Document user) {
      Number before = (Number) user.get("balanceBefore");
      return new UserView(
          ((Number) user.get("balance")).longValue(),
          before == null ? null : before.longValue(),
          ((Number) user.get("partition")).intValue(),
          ((Number) user.get("offset")).longValue(),
          user.getList("recent", String.class, List.of()));
    }
  }
}
