package dev.rewards.ledger.account;

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
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.rules.PastEntries;
import dev.rewards.ledger.rules.Purchase;
import dev.rewards.ledger.rules.Redemption;
import dev.rewards.ledger.rules.Taken;
import dev.rewards.support.store.StoreSchema.Redemptions;
import dev.rewards.support.store.StoreSchema.Transactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The purchases, redemptions and holds a batch's corrections and captures name: read from the store
 * when the batch starts, then kept up to date with every outcome of the batch, in order — so a
 * refund sees the refunds decided before it even if their entries are not written yet, and a
 * purchase applied earlier in the same batch can be refunded.
 *
 * <p>Why that is enough: the store's entries lag the accounts only for commands whose record has
 * not been committed on the topic yet, and such a command is always in the batch that starts from
 * the last committed offset, ahead of any command that comes after it. Every outcome is noted by
 * its command's id, so one already in the store counts once.
 */
final class CorrectionTargets implements PastEntries {

  private final Map<UUID, PurchaseState> purchases = new HashMap<>();
  private final Map<String, UUID> purchasesByKey = new HashMap<>();
  private final Map<UUID, RedemptionState> redemptions = new HashMap<>();
  private final java.util.Set<String> holds = new java.util.HashSet<>();

  /** Nothing to read: the batch has no correction. */
  static CorrectionTargets none() {
    return new CorrectionTargets();
  }

  /** From the stored entries the batch's corrections name. */
  static CorrectionTargets read(List<Document> storedPurchases, List<Document> storedRedemptions) {
    CorrectionTargets targets = new CorrectionTargets();
    storedPurchases.forEach(targets::addStoredPurchase);
    storedRedemptions.forEach(targets::addStoredRedemption);
    return targets;
  }

  @Override
  public Optional<Purchase> purchase(String userId, UUID commandId) {
    return Optional.ofNullable(purchases.get(commandId))
        .filter(p -> p.userId.equals(userId))
        .map(PurchaseState::asPurchase);
  }

  @Override
  public Optional<Purchase> purchaseByKey(String userId, String idempotencyKey) {
    return Optional.ofNullable(purchasesByKey.get(userId + '\u0000' + idempotencyKey))
        .flatMap(commandId -> purchase(userId, commandId));
  }

  @Override
  public Optional<Redemption> redemption(String userId, UUID commandId) {
    return Optional.ofNullable(redemptions.get(commandId))
        .filter(r -> r.userId.equals(userId))
        .map(RedemptionState::asRedemption);
  }

  @Override
  public boolean holdExisted(String userId, UUID holdId) {
    return holds.contains(userId + '\u0000' + holdId);
  }

  /** Remembers that a hold existed, if this outcome made one. */
  void noteHold(RewardsEvent outcome) {
    if (outcome instanceof PointsHeld held) {
      holds.add(held.userId() + '\u0000' + held.holdId());
    }
  }

  /** Takes in an outcome of the batch (decided now or before), in the batch's order. */
  void note(RewardsCommand command, LedgerOutcome outcome) {
    outcome
        .event()
        .accept(
            new RewardsEvent.Visitor<Void>() {
              @Override
              public Void pointsEarned(PointsEarned earned) {
                String key = command instanceof EarnPoints earn ? earn.idempotencyKey() : null;
                addPurchase(
                    new PurchaseState(
                        earned.commandId(),
                        earned.userId(),
                        earned.points(),
                        earned.amount(),
                        earned.category(),
                        key));
                return null;
              }

              @Override
              public Void rewardRedeemed(RewardRedeemed redeemed) {
                // an outcome found in the command log carries no lots; its entry is stored, and
                // was read with the batch if a cancellation names it
                if (!outcome.takenFrom().isEmpty()) {
                  redemptions.putIfAbsent(
                      redeemed.commandId(),
                      new RedemptionState(
                          redeemed.commandId(),
                          redeemed.userId(),
                          redeemed.pointsRedeemed(),
                          redeemed.rewardType(),
                          outcome.takenFrom()));
                }
                return null;
              }

              @Override
              public Void pointsReversed(PointsReversed reversed) {
                PurchaseState purchase = purchases.get(reversed.purchaseCommandId());
                if (purchase != null) {
                  purchase.refunds.putIfAbsent(reversed.commandId(), reversed.refundedAmount());
                }
                return null;
              }

              @Override
              public Void redemptionCancelled(RedemptionCancelled cancelled) {
                RedemptionState redemption = redemptions.get(cancelled.redemptionCommandId());
                if (redemption != null) {
                  redemption.cancelled = true;
                }
                return null;
              }

              @Override
              public Void redemptionRejected(RedemptionRejected refused) {
                return null;
              }

              @Override
              public Void commandRejected(CommandRejected rejected) {
                return null;
              }

              @Override
              public Void pointsAdjusted(PointsAdjusted adjusted) {
                return null;
              }

              @Override
              public Void pointsExpired(PointsExpired expired) {
                return null;
              }

              @Override
              public Void pointsHeld(PointsHeld held) {
                noteHold(held);
                return null;
              }

              @Override
              public Void holdReleased(HoldReleased released) {
                return null;
              }
            });
  }

  private void addPurchase(PurchaseState purchase) {
    if (purchases.putIfAbsent(purchase.commandId, purchase) == null && purchase.key != null) {
      purchasesByKey.putIfAbsent(purchase.userId + '\u0000' + purchase.key, purchase.commandId);
    }
  }

  private void addStoredPurchase(Document stored) {
    PurchaseState purchase =
        new PurchaseState(
            UUID.fromString(stored.getString(Transactions.COMMAND_ID)),
            stored.getString(Transactions.USER_ID),
            stored.get(Transactions.POINTS_EARNED, Number.class).longValue(),
            decimal(stored.get(Transactions.AMOUNT)),
            stored.getString(Transactions.CATEGORY),
            stored.getString(Transactions.IDEMPOTENCY_KEY));
    for (Document refund : stored.getList(Transactions.REFUNDS, Document.class, List.of())) {
      purchase.refunds.put(
          UUID.fromString(refund.getString(Transactions.REFUND_COMMAND)),
          decimal(refund.get("amount")));
    }
    addPurchase(purchase);
  }

  private void addStoredRedemption(Document stored) {
    UUID commandId = UUID.fromString(stored.getString(Redemptions.COMMAND_ID));
    long points = stored.get(Redemptions.POINTS_REDEEMED, Number.class).longValue();
    List<Taken> takenFrom = new ArrayList<>();
    List<Document> lots = stored.getList(Redemptions.LOTS, Document.class);
    if (lots == null) {
      // redeemed before balances were kept as lots: its points come back as a lot of their own
      // that never expires, like the balance such an account was read with
      takenFrom.add(new Taken("restored-" + commandId, points, Instant.EPOCH, Instant.MAX));
    } else {
      for (Document lot : lots) {
        Date earnedAt = lot.getDate("earnedAt");
        Date expiresAt = lot.getDate("expiresAt");
        takenFrom.add(
            new Taken(
                lot.getString("lot"),
                lot.get("points", Number.class).longValue(),
                earnedAt == null ? Instant.EPOCH : earnedAt.toInstant(),
                expiresAt == null ? Instant.MAX : expiresAt.toInstant()));
      }
    }
    RedemptionState redemption =
        new RedemptionState(
            commandId,
            stored.getString(Redemptions.USER_ID),
            points,
            stored.getString(Redemptions.REWARD_TYPE),
            takenFrom);
    redemption.cancelled = stored.get(Redemptions.CANCELLATION) != null;
    redemptions.putIfAbsent(commandId, redemption);
  }

  private static BigDecimal decimal(Object stored) {
    return stored instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(stored.toString());
  }

  private static final class PurchaseState {
    final UUID commandId;
    final String userId;
    final long points;
    final BigDecimal amount;
    final String category;
    final String key;
    final Map<UUID, BigDecimal> refunds = new LinkedHashMap<>();

    PurchaseState(
        UUID commandId,
        String userId,
        long points,
        BigDecimal amount,
        String category,
        String key) {
      this.commandId = commandId;
      this.userId = userId;
      this.points = points;
      this.amount = amount;
      this.category = category;
      this.key = key;
    }

    Purchase asPurchase() {
      BigDecimal refunded = refunds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      return new Purchase(commandId, points, amount, category, refunded);
    }
  }

  private static final class RedemptionState {
    final UUID commandId;
    final String userId;
    final long points;
    final String rewardType;
    final List<Taken> takenFrom;
    boolean cancelled;

    RedemptionState(
        UUID commandId, String userId, long points, String rewardType, List<Taken> takenFrom) {
      this.commandId = commandId;
      this.userId = userId;
      this.points = points;
      this.rewardType = rewardType;
      this.takenFrom = List.copyOf(takenFrom);
    }

    Redemption asRedemption() {
      return new Redemption(commandId, points, rewardType, takenFrom, cancelled);
    }
  }
}
