package dev.rewards.ledger.rules;

import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.RewardsEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Refunds and cancelled redemptions: changes that correct an earlier entry. Their outcome is
 * decided with the change and kept with it in the journal (see {@link Change#outcome()}); a refusal
 * is journaled too, so that a command redelivered after its purchase or redemption changed is still
 * answered the same way.
 */
final class Corrections {

  private Corrections() {}

  static Change refund(RefundPurchase refund, Account account, PastEntries past, Instant now) {
    boolean byKey = refund.purchaseCommandId() == null;
    Optional<Purchase> found =
        byKey
            ? past.purchaseByKey(refund.userId(), refund.purchaseIdempotencyKey())
            : past.purchase(refund.userId(), refund.purchaseCommandId());
    if (found.isEmpty()) {
      return Refusals.refuse(
          refund,
          account,
          now,
          CommandRejected.UNKNOWN_PURCHASE,
          byKey ? "purchaseIdempotencyKey" : "purchaseCommandId",
          byKey
              ? "No purchase of " + refund.userId() + " was sent with that Idempotency-Key"
              : "No purchase of "
                  + refund.userId()
                  + " has commandId "
                  + refund.purchaseCommandId());
    }
    Purchase purchase = found.get();
    BigDecimal refundable = purchase.refundable();
    if (refundable.signum() <= 0) {
      return Refusals.refuse(
          refund,
          account,
          now,
          CommandRejected.NOTHING_TO_REFUND,
          null,
          "Purchase " + purchase.commandId() + " was refunded in full already");
    }
    BigDecimal amount = refund.amount() != null ? refund.amount() : refundable;
    if (amount.compareTo(refundable) > 0) {
      return Refusals.refuse(
          refund,
          account,
          now,
          CommandRejected.REFUND_EXCEEDS_PURCHASE,
          "amount",
          "Refunding %s exceeds the %s of purchase %s not yet refunded"
              .formatted(amount.toPlainString(), refundable.toPlainString(), purchase.commandId()));
    }
    long points =
        RefundArithmetic.pointsToReverse(
            purchase.points(), purchase.amount(), purchase.refundedAmount(), amount);
    Change change =
        account.reverse(refund.commandId(), purchase.commandId().toString(), points, now);
    return account.keepOutcome(
        change,
        new PointsReversed(
            RewardsEvent.idFor(refund.commandId()),
            refund.commandId(),
            refund.userId(),
            purchase.commandId(),
            purchase.category(),
            amount,
            purchase.refundedAmount().add(amount),
            points,
            account.lots().debt(),
            refund.reason(),
            change.balanceAfter(),
            now,
            account.lifetimePoints()));
  }

  static Change cancel(CancelRedemption cancel, Account account, PastEntries past, Instant now) {
    Optional<Redemption> found = past.redemption(cancel.userId(), cancel.redemptionCommandId());
    if (found.isEmpty()) {
      return Refusals.refuse(
          cancel,
          account,
          now,
          CommandRejected.UNKNOWN_REDEMPTION,
          "redemptionCommandId",
          "No applied redemption of "
              + cancel.userId()
              + " has commandId "
              + cancel.redemptionCommandId());
    }
    Redemption redemption = found.get();
    if (redemption.cancelled()) {
      return Refusals.refuse(
          cancel,
          account,
          now,
          CommandRejected.ALREADY_CANCELLED,
          "redemptionCommandId",
          "Redemption " + redemption.commandId() + " was cancelled already");
    }
    Change change = account.restore(cancel.commandId(), redemption.takenFrom(), now);
    return account.keepOutcome(
        change,
        new RedemptionCancelled(
            RewardsEvent.idFor(cancel.commandId()),
            cancel.commandId(),
            cancel.userId(),
            redemption.commandId(),
            redemption.rewardType(),
            redemption.pointsRedeemed(),
            change.delta(),
            redemption.pointsRedeemed() - change.delta(),
            cancel.reason(),
            change.balanceAfter(),
            now));
  }
}
