package dev.rewards.analytics.distribution;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The aggregates and what they have seen, in two collections. Every write is one atomic
 * single-document update, fenced so that writing it again changes nothing:
 *
 * <ul>
 *   <li>{@code analytics_partitions}, one document per partition of {@code rewards.events}: the
 *       counters contributed by that partition's events and the {@code offset} of the last event
 *       applied. An update carries the event's offset and applies only above it.
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

  public Optional<UserView> user(String userId) {
    return Optional.ofNullable(users.find(eq("_id", userId)).first()).map(UserView::of);
  }

  /**
   * Records the user's new balance at (partition, offset) if the user still is where {@code seen}
   * says. Returns false when another writer moved it first (the caller re-reads and retries).
   */
  public boolean moveUser(
      String userId,
      UserView seen,
      int partition,
      long offset,
      Long balanceBefore,
      long balanceAfter,
      String commandId) {
    Document set =
        new Document("balance", balanceAfter)
            .append("balanceBefore", balanceBefore)
            .append("partition", partition)
            .append("offset", offset);
    Document push =
        new Document(
            "recent", new Document("$each", List.of(commandId)).append("$slice", -RECENT_COMMANDS));
    Document update = new Document("$set", set).append("$push", push);
    if (seen == null) {
      try {
        users.updateOne(eq("_id", userId), update, new UpdateOptions().upsert(true));
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    Bson unchanged =
        and(eq("_id", userId), eq("partition", seen.partition()), eq("offset", seen.offset()));
    return users.updateOne(unchanged, update).getModifiedCount() == 1;
  }

  /** Adds a contribution to the partition's counters unless an event at or above offset did. */
  public void add(int partition, long offset, Contribution contribution) {
    Document update =
        new Document("$set", new Document("offset", offset))
            .append("$max", new Document("asOf", Date.from(contribution.at())));
    if (!contribution.increments().isEmpty()) {
      update.append("$inc", new Document(contribution.increments()));
    }
    if (!contribution.names().isEmpty()) {
      ((Document) update.get("$set")).putAll(contribution.names());
    }
    try {
      partitions.updateOne(
          and(eq("_id", partition), lt("offset", offset)),
          update,
          new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // the document exists at this offset or beyond: this event is already counted
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
