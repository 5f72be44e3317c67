package dev.rewards.analytics.distribution;

import dev.rewards.analytics.distribution.AggregateStore.UserView;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.PointsHeld;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import java.util.OptionalLong;

/**
 * Applies one outcome event, read at (partition, offset), to the aggregates — exactly once in
 * effect, with two fenced single-document writes and no transaction:
 *
 * <ol>
 *   <li>the user's row moves to the new balance, keeping the one before and the event's position;
 *   <li>the partition's counters take the event's contribution, fenced by the offset.
 * </ol>
 *
 * A crash between them is repaired by the redelivery: the row already sits at this offset, so the
 * balance before is read from it and step 2 is done with the same numbers. An outcome announced
 * again at a later offset is recognised by its command id among the user's recent commands.
 */
public class DistributionUpdater {

  /** Thrown when another writer moved the user's row meanwhile; the record is retried. */
  public static class UserMovedException extends RuntimeException {
    UserMovedException(String userId) {
      super("the analytics row of user " + userId + " changed while applying; retrying");
    }
  }

  private final AggregateStore store;
  private final BalanceRanges ranges;

  public DistributionUpdater(AggregateStore store, BalanceRanges ranges) {
    this.store = store;
    this.ranges = ranges;
  }

  /** Returns false when the event had already been counted. */
  public boolean apply(RewardsEvent event, int partition, long offset) {
    OptionalLong changedBalance = event.accept(BALANCE_AFTER);
    if (changedBalance.isEmpty()) {
      // nothing changed: the event only moves asOf
      store.add(partition, offset, Contribution.none(event.occurredAt()));
      return true;
    }
    String commandId = event.commandId().toString();
    UserView seen = store.user(event.userId()).orElse(null);
    boolean samePartition = seen != null && seen.partition() == partition;
    long balanceAfter = changedBalance.getAsLong();
    Long balanceBefore;
    if (samePartition && seen.offset() == offset) {
      balanceBefore = seen.balanceBefore(); // step 1 was done before a crash: redo step 2 only
    } else {
      if (samePartition && seen.offset() > offset) {
        return false; // an older record, replayed after both steps were done
      }
      if (seen != null && seen.recent().contains(commandId)) {
        return false; // the same outcome, announced again at another offset
      }
      balanceBefore = seen == null ? null : seen.balance();
      if (!store.moveUser(
          event.userId(), seen, partition, offset, balanceBefore, balanceAfter, commandId)) {
        throw new UserMovedException(event.userId());
      }
    }
    store.add(partition, offset, Contribution.of(event, balanceBefore, balanceAfter, ranges));
    return true;
  }

  /** The balance an outcome left, if it changed one. */
  private static final RewardsEvent.Visitor<OptionalLong> BALANCE_AFTER =
      new RewardsEvent.Visitor<>() {
        @Override
        public OptionalLong pointsEarned(PointsEarned earned) {
          return OptionalLong.of(earned.newBalance());
        }

        @Override
        public OptionalLong rewardRedeemed(RewardRedeemed redeemed) {
          return OptionalLong.of(redeemed.remainingPoints());
        }

        @Override
        public OptionalLong redemptionRejected(RedemptionRejected refused) {
          return OptionalLong.empty();
        }

        @Override
        public OptionalLong commandRejected(CommandRejected rejected) {
          return OptionalLong.empty();
        }

        @Override
        public OptionalLong pointsAdjusted(PointsAdjusted adjusted) {
          return OptionalLong.of(adjusted.newBalance());
        }

        @Override
        public OptionalLong pointsReversed(PointsReversed reversed) {
          return OptionalLong.of(reversed.newBalance());
        }

        @Override
        public OptionalLong pointsHeld(PointsHeld held) {
          // the balance is unchanged, but through the user's row a repeat is recognised
          return OptionalLong.of(held.newBalance());
        }

        @Override
        public OptionalLong holdReleased(HoldReleased released) {
          return OptionalLong.of(released.newBalance());
        }

        @Override
        public OptionalLong pointsExpired(PointsExpired expired) {
          // nothing due any more: no balance changed
          return expired.points() == 0
              ? OptionalLong.empty()
              : OptionalLong.of(expired.newBalance());
        }

        @Override
        public OptionalLong redemptionCancelled(RedemptionCancelled cancelled) {
          return OptionalLong.of(cancelled.newBalance());
        }
      };
}
