package dev.rewards.ledger.rules;

import dev.rewards.contracts.AdjustPoints;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CaptureHold;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.CommandRules;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.ExpirePoints;
import dev.rewards.contracts.HoldPoints;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.ReleaseHold;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.StableIds;
import java.time.Instant;

/**
 * The ledger's rules: what a command does to an account, and the outcome it announces. Plain Java,
 * tested without a store or a broker; the store only keeps what these decide.
 */
public final class Decisions {

  private Decisions() {}

  /**
   * Decides a command against its account, changing the account in memory. A refused redemption is
   * journaled too, so that a redelivered redemption stays refused even if the balance has grown.
   */
  public static Change decide(
      RewardsCommand command,
      Account account,
      PastEntries past,
      PointsValidity validity,
      Instant now) {
    return command.accept(
        new RewardsCommand.Visitor<Change>() {
          @Override
          public Change earn(EarnPoints earn) {
            return account.earn(
                earn.commandId(),
                earn.points(),
                earn.purchasedAt(),
                earn.expiresAt() != null ? earn.expiresAt() : validity.expiryOf(earn.purchasedAt()),
                now);
          }

          @Override
          public Change redeem(RedeemPoints redeem) {
            Change change = account.redeem(redeem.commandId(), redeem.pointsToRedeem(), now);
            if (change.kind() != Change.Kind.REFUSED) {
              return change;
            }
            // kept whole: the points available are not rebuilt from the journal (holds)
            return account.keepOutcome(
                change,
                new RedemptionRejected(
                    RewardsEvent.idFor(redeem.commandId()),
                    redeem.commandId(),
                    redeem.userId(),
                    RedemptionRejected.INSUFFICIENT_POINTS,
                    redeem.pointsToRedeem(),
                    account.available(),
                    now));
          }

          @Override
          public Change hold(HoldPoints hold) {
            return Holds.hold(hold, account, now);
          }

          @Override
          public Change capture(CaptureHold capture) {
            return Holds.capture(capture, account, past, now);
          }

          @Override
          public Change release(ReleaseHold release) {
            return Holds.release(release, account, past, now);
          }

          @Override
          public Change adjust(AdjustPoints adjust) {
            return account.adjust(adjust.commandId(), adjust.points(), validity.expiryOf(now), now);
          }

          @Override
          public Change refund(RefundPurchase refund) {
            return Corrections.refund(refund, account, past, now);
          }

          @Override
          public Change cancelRedemption(CancelRedemption cancel) {
            return Corrections.cancel(cancel, account, past, now);
          }

          @Override
          public Change expire(ExpirePoints expire) {
            return account.expire(expire.commandId(), expire.asOf(), now);
          }
        });
  }

  /** The outcome event of a command that made this change; identical however often rebuilt. */
  public static RewardsEvent outcomeOf(RewardsCommand command, Change change) {
    if (change.outcome() != null) {
      return change.outcome(); // a correction's, decided with the change
    }
    var eventId = RewardsEvent.idFor(command.commandId());
    return command.accept(
        new RewardsCommand.Visitor<RewardsEvent>() {
          @Override
          public RewardsEvent earn(EarnPoints earn) {
            return new PointsEarned(
                eventId,
                earn.commandId(),
                earn.userId(),
                StableIds.derive("transaction", earn.commandId()),
                earn.points(),
                earn.category(),
                earn.amount(),
                earn.purchasedAt(),
                change.balanceAfter(),
                change.at(),
                change.lifetimeAfter());
          }

          @Override
          public RewardsEvent redeem(RedeemPoints redeem) {
            if (change.kind() == Change.Kind.REFUSED) {
              return new RedemptionRejected(
                  eventId,
                  redeem.commandId(),
                  redeem.userId(),
                  RedemptionRejected.INSUFFICIENT_POINTS,
                  redeem.pointsToRedeem(),
                  change.balanceAfter(),
                  change.at());
            }
            return new RewardRedeemed(
                eventId,
                redeem.commandId(),
                redeem.userId(),
                StableIds.derive("redemption", redeem.commandId()),
                redeem.pointsToRedeem(),
                redeem.rewardType(),
                redeem.value(),
                change.balanceAfter(),
                change.at());
          }

          @Override
          public RewardsEvent adjust(AdjustPoints adjust) {
            if (change.kind() == Change.Kind.REFUSED) {
              return new CommandRejected(
                  eventId,
                  adjust.commandId(),
                  adjust.userId(),
                  adjust.commandType(),
                  CommandRejected.INSUFFICIENT_POINTS,
                  "points",
                  "Debiting %d points needs more than the %d available; a debit never overdraws"
                      .formatted(-adjust.points(), change.balanceAfter()),
                  change.at());
            }
            return new PointsAdjusted(
                eventId,
                adjust.commandId(),
                adjust.userId(),
                StableIds.derive("adjustment", adjust.commandId()),
                adjust.points(),
                adjust.reason(),
                adjust.actor(),
                change.balanceAfter(),
                change.at());
          }

          @Override
          public RewardsEvent refund(RefundPurchase refund) {
            throw decidedWithItsChange(refund);
          }

          @Override
          public RewardsEvent cancelRedemption(CancelRedemption cancel) {
            throw decidedWithItsChange(cancel);
          }

          @Override
          public RewardsEvent hold(HoldPoints hold) {
            throw decidedWithItsChange(hold);
          }

          @Override
          public RewardsEvent capture(CaptureHold capture) {
            throw decidedWithItsChange(capture);
          }

          @Override
          public RewardsEvent release(ReleaseHold release) {
            throw decidedWithItsChange(release);
          }

          @Override
          public RewardsEvent expire(ExpirePoints expire) {
            return new PointsExpired(
                eventId,
                expire.commandId(),
                expire.userId(),
                -change.delta(),
                change.takenFrom().stream()
                    .map(
                        lot ->
                            new PointsExpired.ExpiredLot(
                                lot.earnedAt(), lot.expiresAt(), lot.points()))
                    .toList(),
                change.balanceAfter(),
                change.at());
          }
        });
  }

  private static IllegalStateException decidedWithItsChange(RewardsCommand correction) {
    return new IllegalStateException(
        correction.commandType() + " outcomes are kept with their change, not rebuilt");
  }

  /** The answer to a command that breaks the command rules: it reaches no account. */
  public static CommandRejected invalidCommand(
      RewardsCommand command, CommandRules.Violation violation, Instant now) {
    return new CommandRejected(
        RewardsEvent.idFor(command.commandId()),
        command.commandId(),
        command.userId(),
        command.commandType(),
        CommandRejected.INVALID_COMMAND,
        violation.field(),
        violation.detail(),
        now);
  }
}
