package dev.rewards.ledger.account;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.rules.Taken;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Adjustments;
import dev.rewards.support.store.StoreSchema.Redemptions;
import dev.rewards.support.store.StoreSchema.Transactions;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The immutable history: {@code transactions} (points earned), {@code redemptions} and {@code
 * adjustments}. Entries are inserted under an id derived from the command, so writing one again
 * after a crash only meets a duplicate key, which is ignored: the entry is already there.
 */
public class LedgerEntries {

  /** Each kind of entry's collection, by name. */
  private final Map<String, MongoCollection<Document>> collections;

  public LedgerEntries(MongoDatabase database) {
    this.collections =
        Map.of(
            Transactions.NAME, database.getCollection(Transactions.NAME),
            Redemptions.NAME, database.getCollection(Redemptions.NAME),
            Adjustments.NAME, database.getCollection(Adjustments.NAME));
    // no index on commandId: the _id is derived from it, so it is unique already, and every
    // index more is one more lookup on each insert
    for (MongoCollection<Document> entries : collections.values()) {
      entries.createIndex(new Document("userId", 1).append("timestamp", -1));
    }
  }

  /**
   * The entry an outcome calls for, built now (a refused or rejected command has none): every
   * conversion that could fail happens here, before the batch writes anything.
   */
  public static Optional<Entry> entryFor(RewardsEvent outcome) {
    return entryFor(outcome, List.of());
  }

  /**
   * @param takenFrom for a redemption, the lots its points came from
   */
  public static Optional<Entry> entryFor(RewardsEvent outcome, List<Taken> takenFrom) {
    return outcome.accept(
        new RewardsEvent.Visitor<>() {
          @Override
          public Optional<Entry> pointsEarned(PointsEarned earned) {
            return Optional.of(new Entry(Transactions.NAME, transaction(earned)));
          }

          @Override
          public Optional<Entry> rewardRedeemed(RewardRedeemed redeemed) {
            return Optional.of(new Entry(Redemptions.NAME, redemption(redeemed, takenFrom)));
          }

          @Override
          public Optional<Entry> redemptionRejected(RedemptionRejected refused) {
            return Optional.empty(); // nothing was spent
          }

          @Override
          public Optional<Entry> commandRejected(CommandRejected rejected) {
            return Optional.empty(); // nothing was applied
          }

          @Override
          public Optional<Entry> pointsAdjusted(PointsAdjusted adjusted) {
            return Optional.of(new Entry(Adjustments.NAME, adjustment(adjusted)));
          }
        });
  }

  private static Document adjustment(PointsAdjusted adjusted) {
    return new Document(StoreSchema.ID, adjusted.adjustmentId().toString())
        .append(Adjustments.USER_ID, adjusted.userId())
        .append(Adjustments.COMMAND_ID, adjusted.commandId().toString())
        .append(Adjustments.DELTA, adjusted.delta())
        .append(Adjustments.REASON, adjusted.reason())
        .append(Adjustments.ACTOR, adjusted.actor())
        .append(Adjustments.TIMESTAMP, Date.from(adjusted.occurredAt()));
  }

  /** Writes these entries, in one bulk write per collection. */
  public void recordAll(List<Entry> toWrite) {
    Map<String, List<Document>> byCollection = new LinkedHashMap<>();
    for (Entry entry : toWrite) {
      byCollection
          .computeIfAbsent(entry.collection(), name -> new ArrayList<>())
          .add(entry.document());
    }
    byCollection.forEach((name, documents) -> insertOnce(collections.get(name), documents));
  }

  /** A ledger entry ready to be inserted into {@code collection}. */
  public record Entry(String collection, Document document) {}

  private static Document transaction(PointsEarned earned) {
    return new Document(StoreSchema.ID, earned.transactionId().toString())
        .append(Transactions.USER_ID, earned.userId())
        .append(Transactions.COMMAND_ID, earned.commandId().toString())
        .append(Transactions.AMOUNT, new Decimal128(earned.amount()))
        .append(Transactions.CATEGORY, earned.category())
        .append(Transactions.POINTS_EARNED, earned.points())
        .append(Transactions.TIMESTAMP, Date.from(earned.purchasedAt()))
        .append("recordedAt", Date.from(earned.occurredAt()));
  }

  private static Document redemption(RewardRedeemed redeemed, List<Taken> takenFrom) {
    return new Document(StoreSchema.ID, redeemed.redemptionId().toString())
        .append(Redemptions.USER_ID, redeemed.userId())
        .append(Redemptions.COMMAND_ID, redeemed.commandId().toString())
        .append(Redemptions.POINTS_REDEEMED, redeemed.pointsRedeemed())
        .append(Redemptions.REWARD_TYPE, redeemed.rewardType())
        .append(Redemptions.VALUE, new Decimal128(redeemed.value()))
        .append(Redemptions.TIMESTAMP, Date.from(redeemed.occurredAt()))
        .append(
            Redemptions.LOTS,
            takenFrom.stream()
                .map(t -> new Document("lot", t.lotId()).append("points", t.points()))
                .toList());
  }

  private static void insertOnce(MongoCollection<Document> entries, List<Document> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      entries.insertMany(batch, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      // unordered: every other entry was inserted; only ones already there may fail
      if (!BulkWrites.onlyDuplicateKeys(e)) {
        throw e;
      }
    }
  }
}
