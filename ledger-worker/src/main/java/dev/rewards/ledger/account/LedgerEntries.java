package dev.rewards.ledger.account;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.StableIds;
import dev.rewards.ledger.rules.Taken;
import dev.rewards.support.store.StoreSchema;
import dev.rewards.support.store.StoreSchema.Adjustments;
import dev.rewards.support.store.StoreSchema.Movements;
import dev.rewards.support.store.StoreSchema.Redemptions;
import dev.rewards.support.store.StoreSchema.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The history: {@code movements} (the statement: every balance change, signed, with the balance
 * after it; an expiry has no other entry) and the entries each kind of change keeps — {@code
 * transactions} (purchases, with what was refunded of them), {@code redemptions} (with their
 * cancellation) and {@code adjustments}.
 *
 * <p>Every write here can be repeated after a crash without effect: entries are inserted under an
 * id derived from their command, so a second insert only meets a duplicate key, which is ignored; a
 * refund is added to its purchase only if the purchase does not list it yet, and a cancellation
 * sets the same values however often it is written.
 */
public class LedgerEntries {

  /** Each kind of entry's collection, by name. */
  private final Map<String, MongoCollection<Document>> collections;

  public LedgerEntries(MongoDatabase database) {
    this.collections =
        Map.of(
            Movements.NAME, database.getCollection(Movements.NAME),
            Transactions.NAME, database.getCollection(Transactions.NAME),
            Redemptions.NAME, database.getCollection(Redemptions.NAME),
            Adjustments.NAME, database.getCollection(Adjustments.NAME));
    // no index on commandId: the _id is derived from it, so it is unique already, and every
    // index more is one more lookup on each insert
    for (String name : List.of(Transactions.NAME, Redemptions.NAME, Adjustments.NAME)) {
      collections.get(name).createIndex(new Document("userId", 1).append("timestamp", -1));
    }
    collections
        .get(Movements.NAME)
        .createIndex(new Document(Movements.USER_ID, 1).append(Movements.VERSION, -1));
    // sparse: most purchases are sent without a key
    collections
        .get(Transactions.NAME)
        .createIndex(
            new Document(Transactions.IDEMPOTENCY_KEY, 1),
            new com.mongodb.client.model.IndexOptions().sparse(true));
  }

  /**
   * The entries an outcome calls for, built now (a refused or rejected command has none): every
   * conversion that could fail happens here, before the batch writes anything.
   */
  public static List<Entry> entriesFor(RewardsCommand command, LedgerOutcome outcome) {
    return outcome.event().accept(new EntryBuilder(command, outcome));
  }

  /** Writes these entries: first every insert (one bulk write per collection), then the updates. */
  public void recordAll(List<Entry> toWrite) {
    Map<String, List<Document>> inserts = new LinkedHashMap<>();
    Map<String, List<UpdateOneModel<Document>>> updates = new LinkedHashMap<>();
    for (Entry entry : toWrite) {
      if (entry.filter() == null) {
        inserts
            .computeIfAbsent(entry.collection(), n -> new ArrayList<>())
            .add((Document) entry.document());
      } else {
        updates
            .computeIfAbsent(entry.collection(), n -> new ArrayList<>())
            .add(new UpdateOneModel<>(entry.filter(), entry.document()));
      }
    }
    // inserts first: a refund in the batch of its purchase updates what is inserted here
    inserts.forEach((name, documents) -> insertOnce(collections.get(name), documents));
    updates.forEach(
        (name, models) ->
            collections.get(name).bulkWrite(models, new BulkWriteOptions().ordered(true)));
  }

  /** The stored purchases these refunds name (by commandId or Idempotency-Key), in one query. */
  List<Document> purchasesNamedBy(Collection<RefundPurchase> refunds) {
    List<Bson> names = new ArrayList<>();
    for (RefundPurchase refund : refunds) {
      names.add(
          refund.purchaseCommandId() != null
              ? eq(StoreSchema.ID, transactionId(refund.purchaseCommandId()))
              : and(
                  eq(Transactions.IDEMPOTENCY_KEY, refund.purchaseIdempotencyKey()),
                  eq(Transactions.USER_ID, refund.userId())));
    }
    return names.isEmpty()
        ? List.of()
        : collections.get(Transactions.NAME).find(or(names)).into(new ArrayList<>());
  }

  /** The stored redemptions these cancellations name, in one query. */
  List<Document> redemptionsNamedBy(Collection<CancelRedemption> cancellations) {
    List<String> ids =
        cancellations.stream()
            .filter(c -> c.redemptionCommandId() != null)
            .map(c -> redemptionId(c.redemptionCommandId()))
            .toList();
    return ids.isEmpty()
        ? List.of()
        : collections.get(Redemptions.NAME).find(in(StoreSchema.ID, ids)).into(new ArrayList<>());
  }

  static String transactionId(UUID purchaseCommandId) {
    return StableIds.derive("transaction", purchaseCommandId).toString();
  }

  static String redemptionId(UUID redemptionCommandId) {
    return StableIds.derive("redemption", redemptionCommandId).toString();
  }

  /**
   * A ledger entry ready to be written into {@code collection}: an insert of {@code document}, or,
   * with a {@code filter}, the update {@code document} of what the filter matches.
   */
  public record Entry(String collection, Bson filter, Bson document) {

    static Entry insert(String collection, Document document) {
      return new Entry(collection, null, document);
    }
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

  /** The entries of one outcome: its movement, if it moved a balance, and its kind's entry. */
  private record EntryBuilder(RewardsCommand command, LedgerOutcome outcome)
      implements RewardsEvent.Visitor<List<Entry>> {

    @Override
    public List<Entry> pointsEarned(PointsEarned earned) {
      String key = command instanceof EarnPoints earn ? earn.idempotencyKey() : null;
      Document transaction =
          new Document(StoreSchema.ID, earned.transactionId().toString())
              .append(Transactions.USER_ID, earned.userId())
              .append(Transactions.COMMAND_ID, earned.commandId().toString())
              .append(Transactions.AMOUNT, new Decimal128(earned.amount()))
              .append(Transactions.CATEGORY, earned.category())
              .append(Transactions.POINTS_EARNED, earned.points())
              .append(Transactions.TIMESTAMP, Date.from(earned.purchasedAt()))
              .append("recordedAt", Date.from(earned.occurredAt()));
      if (key != null) {
        transaction.append(Transactions.IDEMPOTENCY_KEY, key);
      }
      return List.of(
          movement("EARN", earned.points(), earned.category(), key),
          Entry.insert(Transactions.NAME, transaction));
    }

    @Override
    public List<Entry> rewardRedeemed(RewardRedeemed redeemed) {
      Document redemption =
          new Document(StoreSchema.ID, redeemed.redemptionId().toString())
              .append(Redemptions.USER_ID, redeemed.userId())
              .append(Redemptions.COMMAND_ID, redeemed.commandId().toString())
              .append(Redemptions.POINTS_REDEEMED, redeemed.pointsRedeemed())
              .append(Redemptions.REWARD_TYPE, redeemed.rewardType())
              .append(Redemptions.VALUE, new Decimal128(redeemed.value()))
              .append(Redemptions.TIMESTAMP, Date.from(redeemed.occurredAt()))
              .append(
                  Redemptions.LOTS,
                  outcome.takenFrom().stream().map(EntryBuilder::takenDocument).toList());
      return List.of(
          movement(
              "REDEEM",
              -redeemed.pointsRedeemed(),
              redeemed.rewardType(),
              redeemed.holdId() == null ? null : redeemed.holdId().toString()),
          Entry.insert(Redemptions.NAME, redemption));
    }

    @Override
    public List<Entry> redemptionRejected(RedemptionRejected refused) {
      return List.of(); // nothing was spent
    }

    @Override
    public List<Entry> commandRejected(CommandRejected rejected) {
      return List.of(); // nothing was applied
    }

    @Override
    public List<Entry> pointsAdjusted(PointsAdjusted adjusted) {
      Document adjustment =
          new Document(StoreSchema.ID, adjusted.adjustmentId().toString())
              .append(Adjustments.USER_ID, adjusted.userId())
              .append(Adjustments.COMMAND_ID, adjusted.commandId().toString())
              .append(Adjustments.DELTA, adjusted.delta())
              .append(Adjustments.REASON, adjusted.reason())
              .append(Adjustments.ACTOR, adjusted.actor())
              .append(Adjustments.TIMESTAMP, Date.from(adjusted.occurredAt()));
      return List.of(
          movement("ADJUST", adjusted.delta(), adjusted.reason(), adjusted.actor()),
          Entry.insert(Adjustments.NAME, adjustment));
    }

    @Override
    public List<Entry> pointsReversed(PointsReversed reversed) {
      String refundId = reversed.commandId().toString();
      Document refund =
          new Document(Transactions.REFUND_COMMAND, refundId)
              .append("amount", new Decimal128(reversed.refundedAmount()))
              .append("points", reversed.pointsReversed())
              .append("at", Date.from(reversed.occurredAt()));
      // the totals are set only together with the refund they include, and only once
      Entry onPurchase =
          new Entry(
              Transactions.NAME,
              and(
                  eq(StoreSchema.ID, transactionId(reversed.purchaseCommandId())),
                  ne(Transactions.REFUNDS + "." + Transactions.REFUND_COMMAND, refundId)),
              Updates.combine(
                  Updates.push(Transactions.REFUNDS, refund),
                  Updates.set(
                      Transactions.REFUNDED_AMOUNT, new Decimal128(reversed.totalRefundedAmount())),
                  Updates.inc(Transactions.POINTS_REVERSED, reversed.pointsReversed())));
      return List.of(
          movement(
              "REFUND",
              -reversed.pointsReversed(),
              reversed.reason(),
              reversed.purchaseCommandId().toString()),
          onPurchase);
    }

    @Override
    public List<Entry> redemptionCancelled(RedemptionCancelled cancelled) {
      Document cancellation =
          new Document("commandId", cancelled.commandId().toString())
              .append("at", Date.from(cancelled.occurredAt()))
              .append("pointsRestored", cancelled.pointsRestored())
              .append("pointsExpiredMeanwhile", cancelled.pointsExpiredMeanwhile());
      if (cancelled.reason() != null) {
        cancellation.append("reason", cancelled.reason());
      }
      Entry onRedemption =
          new Entry(
              Redemptions.NAME,
              eq(StoreSchema.ID, redemptionId(cancelled.redemptionCommandId())),
              Updates.set(Redemptions.CANCELLATION, cancellation));
      return List.of(
          movement(
              "REDEMPTION_CANCELLED",
              cancelled.pointsRestored(),
              cancelled.reason(),
              cancelled.redemptionCommandId().toString()),
          onRedemption);
    }

    @Override
    public List<Entry> pointsExpired(PointsExpired expired) {
      // nothing was due any more: no movement (the statement lists balance changes)
      return expired.points() == 0
          ? List.of()
          : List.of(movement("EXPIRE", -expired.points(), null, null));
    }

    @Override
    public List<Entry> pointsHeld(PointsHeld held) {
      // the balance keeps the held points: the statement shows the hold with 0 points
      return List.of(movement("HOLD", 0, held.rewardType(), held.holdId().toString()));
    }

    @Override
    public List<Entry> holdReleased(HoldReleased released) {
      return List.of(movement("HOLD_RELEASED", 0, released.cause(), released.holdId().toString()));
    }

    private Entry movement(String kind, long points, String reason, String reference) {
      RewardsEvent event = outcome.event();
      Document movement =
          new Document(StoreSchema.ID, StableIds.derive("movement", event.commandId()).toString())
              .append(Movements.USER_ID, event.userId())
              .append(Movements.COMMAND_ID, event.commandId().toString())
              .append(Movements.KIND, kind)
              .append(Movements.POINTS, points)
              .append(Movements.BALANCE_AFTER, outcome.balance())
              .append(Movements.VERSION, outcome.accountVersion())
              .append(Movements.OCCURRED_AT, Date.from(event.occurredAt()));
      if (reason != null) {
        movement.append(Movements.REASON, reason);
      }
      if (reference != null) {
        movement.append(Movements.REFERENCE, reference);
      }
      return Entry.insert(Movements.NAME, movement);
    }

    static Document takenDocument(Taken taken) {
      Document part =
          new Document("lot", taken.lotId())
              .append("points", taken.points())
              .append("earnedAt", Date.from(taken.earnedAt()));
      if (!taken.expiresAt().equals(Instant.MAX)) {
        part.append("expiresAt", Date.from(taken.expiresAt()));
      }
      return part;
    }
  }
}
