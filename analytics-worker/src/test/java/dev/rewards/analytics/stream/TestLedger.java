package dev.rewards.analytics.stream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Plays ledger-worker for analytics tests: applies earns, redemptions, refunds and cancellations to
 * a reference model, writes the ledger documents ledger-worker writes, and returns the outcome
 * event it would publish.
 */
final class TestLedger {

  private final MongoDatabase database;
  final Map<String, Long> balances = new HashMap<>();

  TestLedger(MongoDatabase database) {
    this.database = database;
  }

  /**
   * Refunds the whole of an earlier purchase, as ledger-worker records it on the purchase; the
   * balance may go below zero (debt).
   */
  RewardsEvent refund(PointsEarned purchase) {
    UUID commandId = UUID.randomUUID();
    String userId = purchase.userId();
    long balance = balances.merge(userId, -purchase.points(), Long::sum);
    database
        .getCollection("transactions")
        .updateOne(
            new Document("commandId", purchase.commandId().toString()),
            new Document(
                "$set",
                new Document("refundedAmount", new Decimal128(purchase.amount()))
                    .append("pointsReversed", purchase.points())));
    journal(userId, commandId, balance);
    Instant now = Instant.now();
    return new PointsReversed(
        UUID.randomUUID(),
        commandId,
        userId,
        purchase.commandId(),
        purchase.category(),
        purchase.amount(),
        purchase.amount(),
        purchase.points(),
        Math.max(0, -balance),
        "returned",
        balance,
        now,
        null);
  }

  /** Cancels an earlier redemption; {@code expired} of its points had expired meanwhile. */
  RewardsEvent cancel(RewardRedeemed redemption, long expired) {
    UUID commandId = UUID.randomUUID();
    String userId = redemption.userId();
    long restored = redemption.pointsRedeemed() - expired;
    long balance = balances.merge(userId, restored, Long::sum);
    database
        .getCollection("redemptions")
        .updateOne(
            new Document("commandId", redemption.commandId().toString()),
            new Document(
                "$set",
                new Document(
                    "cancellation",
                    new Document("commandId", commandId.toString())
                        .append("pointsRestored", restored)
                        .append("pointsExpiredMeanwhile", expired))));
    journal(userId, commandId, balance);
    return new RedemptionCancelled(
        UUID.randomUUID(),
        commandId,
        userId,
        redemption.commandId(),
        redemption.rewardType(),
        redemption.pointsRedeemed(),
        restored,
        expired,
        null,
        balance,
        Instant.now());
  }

  /** Expires up to {@code points} of the user's balance, with its statement entry. */
  RewardsEvent expire(String userId, long points) {
    UUID commandId = UUID.randomUUID();
    long expired = Math.max(0, Math.min(points, balances.getOrDefault(userId, 0L)));
    long balance = balances.merge(userId, -expired, Long::sum);
    Instant now = Instant.now();
    if (expired > 0) {
      database
          .getCollection("movements")
          .insertOne(
              new Document("_id", UUID.randomUUID().toString())
                  .append("userId", userId)
                  .append("commandId", commandId.toString())
                  .append("kind", "EXPIRE")
                  .append("points", -expired)
                  .append("balanceAfter", balance)
                  .append("occurredAt", Date.from(now)));
    }
    journal(userId, commandId, balance);
    return new PointsExpired(
        UUID.randomUUID(), commandId, userId, expired, java.util.List.of(), balance, now);
  }

  RewardsEvent earn(String userId, long points, String category, String amount) {
    UUID commandId = UUID.randomUUID();
    long balance = balances.merge(userId, points, Long::sum);
    Instant now = Instant.now();
    database
        .getCollection("transactions")
        .insertOne(
            new Document("_id", UUID.randomUUID().toString())
                .append("userId", userId)
                .append("commandId", commandId.toString())
                .append("amount", new Decimal128(new BigDecimal(amount)))
                .append("category", category)
                .append("pointsEarned", points)
                .append("timestamp", Date.from(now)));
    journal(userId, commandId, balance);
    return new PointsEarned(
        UUID.randomUUID(),
        commandId,
        userId,
        UUID.randomUUID(),
        points,
        category,
        new BigDecimal(amount),
        now,
        balance,
        now);
  }

  RewardsEvent redeem(String userId, long points, String rewardType) {
    UUID commandId = UUID.randomUUID();
    long available = balances.getOrDefault(userId, 0L);
    Instant now = Instant.now();
    if (available < points) {
      journal(userId, commandId, available);
      return new RedemptionRejected(
          UUID.randomUUID(),
          commandId,
          userId,
          RedemptionRejected.INSUFFICIENT_POINTS,
          points,
          available,
          now);
    }
    long balance = balances.merge(userId, -points, Long::sum);
    database
        .getCollection("redemptions")
        .insertOne(
            new Document("_id", UUID.randomUUID().toString())
                .append("userId", userId)
                .append("commandId", commandId.toString())
                .append("pointsRedeemed", points)
                .append("rewardType", rewardType)
                .append("value", new Decimal128(BigDecimal.ONE))
                .append("timestamp", Date.from(now)));
    journal(userId, commandId, balance);
    return new RewardRedeemed(
        UUID.randomUUID(),
        commandId,
        userId,
        UUID.randomUUID(),
        points,
        rewardType,
        BigDecimal.ONE,
        balance,
        now);
  }

  private void journal(String userId, UUID commandId, long balance) {
    database
        .getCollection("accounts")
        .updateOne(
            new Document("_id", userId),
            new Document("$set", new Document("balance", balance))
                .append(
                    "$push",
                    new Document(
                        "journal",
                        new Document(
                                "$each", java.util.List.of(new Document("c", commandId.toString())))
                            .append("$slice", -100))),
            new UpdateOptions().upsert(true));
  }
}
