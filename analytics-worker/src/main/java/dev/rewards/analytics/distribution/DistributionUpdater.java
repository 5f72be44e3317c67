package dev.rewards.analytics.distribution;

import dev.rewards.analytics.distribution.AggregateStore.UserRow;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Applies polled outcome events, each read at (partition, offset), to the aggregates — exactly once
 * in effect, with fenced writes and no transaction:
 *
 * <ol>
 *   <li>each partition's counters take the total of its events not yet counted, fenced by their
 *       offsets (applied only if none of them was counted, else read again);
 *   <li>the users' rows move to their new balances, each fenced by the position of its last event.
 * </ol>
 *
 * Events are decided in memory in offset order from the rows as read, so a user with several events
 * in the poll moves through each balance in turn. A crash between the two writes is repaired by the
 * redelivery: the counters already include those events, so they are replayed onto the rows only.
 * An outcome announced again at a later offset is recognised by its command id among the user's
 * recent commands.
 */
public class DistributionUpdater {

  /** Thrown when another writer counted some of the events meanwhile; the poll is retried. */
  public static class CountersMovedException extends RuntimeException {
    CountersMovedException(int partition) {
      super(
          "the analytics counters of partition "
              + partition
              + " moved while applying (another instance counted there); retrying");
    }
  }

  /** An event and where it was read. */
  public record PositionedEvent(RewardsEvent event, int partition, long offset) {}

  /** How many events were counted now, and how many had been counted before. */
  public record Applied(int counted, int duplicates) {}

  private final AggregateStore store;
  private final BalanceRanges ranges;

  public DistributionUpdater(AggregateStore store, BalanceRanges ranges) {
    this.store = store;
    this.ranges = ranges;
  }

  /** Applies events polled together; within a partition they come in offset order. */
  public Applied apply(List<PositionedEvent> events) {
    Map<Integer, List<PositionedEvent>> byPartition = new LinkedHashMap<>();
    Set<String> movingUsers = new HashSet<>();
    for (PositionedEvent positioned : events) {
      byPartition.computeIfAbsent(positioned.partition(), p -> new ArrayList<>()).add(positioned);
      if (positioned.event().accept(BALANCE_AFTER).isPresent()) {
        movingUsers.add(positioned.event().userId());
      }
    }
    // counters before rows, on reading as on writing: a row is never behind the counters it read
    Map<Integer, Long> countedUpTo = store.countedOffsets(byPartition.keySet());
    Map<String, UserView> rows =
        movingUsers.isEmpty() ? new HashMap<>() : new HashMap<>(store.users(movingUsers));
    Map<String, UserView> moved = new LinkedHashMap<>();
    int counted = 0;
    int duplicates = 0;
    for (var partition : byPartition.entrySet()) {
      long alreadyCounted = countedUpTo.getOrDefault(partition.getKey(), -1L);
      Contribution total = null;
      long firstCounted = -1;
      long last = -1;
      for (PositionedEvent positioned : partition.getValue()) {
        Contribution contribution = decide(positioned, rows, moved);
        if (positioned.offset() <= alreadyCounted) {
          duplicates++; // redelivered: counted before, replayed onto its row only
          continue;
        }
        if (contribution == null) {
          duplicates++;
          contribution = Contribution.none(positioned.event().occurredAt());
        } else {
          counted++;
        }
        total = total == null ? contribution : total.plus(contribution);
        firstCounted = firstCounted < 0 ? positioned.offset() : firstCounted;
        last = positioned.offset();
      }
      if (total != null && !store.add(partition.getKey(), firstCounted, last, total)) {
        throw new CountersMovedException(partition.getKey());
      }
    }
    store.saveUsers(
        moved.entrySet().stream().map(e -> new UserRow(e.getKey(), e.getValue())).toList());
    return new Applied(counted, duplicates);
  }

  /**
   * Moves the user's row in memory and returns what the event contributes, or null when its outcome
   * was counted already.
   */
  private Contribution decide(
      PositionedEvent positioned, Map<String, UserView> rows, Map<String, UserView> moved) {
    RewardsEvent event = positioned.event();
    OptionalLong changedBalance = event.accept(BALANCE_AFTER);
    if (changedBalance.isEmpty()) {
      return Contribution.none(event.occurredAt()); // nothing changed: it only moves asOf
    }
    long balanceAfter = changedBalance.getAsLong();
    UserView row = rows.get(event.userId());
    int partition = positioned.partition();
    long offset = positioned.offset();
    if (row != null && row.partition() == partition && row.offset() >= offset) {
      // the row has it; an earlier release wrote rows before counters, so its counters may not
      return row.offset() == offset
          ? Contribution.of(event, row.balanceBefore(), balanceAfter, ranges)
          : null;
    }
    String commandId = event.commandId().toString();
    if (row != null && row.recent().contains(commandId)) {
      return null; // the same outcome, announced again at another offset
    }
    Long balanceBefore = row == null ? null : row.balance();
    List<String> recent = new ArrayList<>(row == null ? List.of() : row.recent());
    recent.add(commandId);
    if (recent.size() > AggregateStore.RECENT_COMMANDS) {
      recent =
          new ArrayList<>(
              recent.subList(recent.size() - AggregateStore.RECENT_COMMANDS, recent.size()));
    }
    UserView after = new UserView(balanceAfter, balanceBefore, partition, offset, recent);
    rows.put(event.userId(), after);
    moved.put(event.userId(), after);
    return Contribution.of(event, balanceBefore, balanceAfter, ranges);
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
