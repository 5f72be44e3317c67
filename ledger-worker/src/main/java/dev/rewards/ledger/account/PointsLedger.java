package dev.rewards.ledger.account;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.StableIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies commands to the ledger, exactly once in effect.
 *
 * <p>The account update is the commit point. Before it, nothing has happened; after it, the
 * command's change is in the account journal, from which the same outcome is rebuilt however often
 * the command comes again. The entry and command-log writes that follow (batched, see {@link
 * LedgerBatch}) are idempotent, so a crash between any two writes is repaired by simply applying
 * the command again.
 */
public class PointsLedger {

  /** Attempts before giving up on an account that keeps changing under us (another worker). */
  private static final int MAX_ATTEMPTS = 10;

  private final AccountStore accounts;
  private final LedgerEntries entries;
  private final CommandLog commandLog;
  private final Clock clock;
  private final int maxUnwrittenPerAccount;

  public PointsLedger(
      AccountStore accounts, LedgerEntries entries, CommandLog commandLog, Clock clock) {
    this.accounts = accounts;
    this.entries = entries;
    this.commandLog = commandLog;
    this.clock = clock;
    // half the journal: the rest is margin for a second instance briefly applying the same
    // partition's commands while it moves during a rebalance
    this.maxUnwrittenPerAccount = Math.max(1, accounts.journalLength() / 2);
  }

  /**
   * Starts a batch of commands, reading in one query which of them were decided before.
   *
   * @param commandIds the commands the batch will apply (duplicates allowed)
   */
  public LedgerBatch startBatch(Collection<UUID> commandIds) {
    return new LedgerBatch(
        entries, commandLog, maxUnwrittenPerAccount, commandLog.decisionsOf(commandIds));
  }

  /**
   * Applies the command (or finds how it was applied before) and returns its outcome. Its ledger
   * entry and decision are written when the batch is flushed.
   *
   * @param source identifies the record that carried the command (topic, partition, offset), to
   *     tell a redelivery of the same record from a duplicate record
   */
  public LedgerOutcome apply(RewardsCommand command, String source, LedgerBatch batch) {
    Optional<LedgerOutcome> decided = batch.decided(command.commandId(), source);
    if (decided.isPresent()) {
      return decided.get();
    }
    batch.makeRoomFor(command.userId());
    Change change = changeAccount(command);
    LedgerOutcome outcome =
        new LedgerOutcome(
            outcomeOf(command, change), change.version(), change.balanceAfter(), true);
    batch.add(command, outcome, source);
    return outcome;
  }

  /** Applies one command as a batch of its own, everything written before it returns. */
  public LedgerOutcome apply(RewardsCommand command, String source) {
    LedgerBatch batch = startBatch(List.of(command.commandId()));
    LedgerOutcome outcome = apply(command, source, batch);
    batch.flush();
    return outcome;
  }

  private Change changeAccount(RewardsCommand command) {
    // millisecond precision: the store keeps no more, and a rebuilt outcome must be identical
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Change> change = tryChange(command, now);
      if (change.isEmpty()) {
        change = accounts.find(command.userId(), command.commandId());
      }
      if (change.isPresent()) {
        return change.get();
      }
    }
    throw new AccountContentionException(command.userId(), command.commandId());
  }

  private Optional<Change> tryChange(RewardsCommand command, Instant now) {
    if (command instanceof EarnPoints earn) {
      return accounts.credit(earn.userId(), earn.commandId(), earn.points(), now);
    }
    RedeemPoints redeem = (RedeemPoints) command;
    return accounts
        .debit(redeem.userId(), redeem.commandId(), redeem.pointsToRedeem(), now)
        .or(
            () ->
                accounts.refuse(redeem.userId(), redeem.commandId(), redeem.pointsToRedeem(), now));
  }

  static RewardsEvent outcomeOf(RewardsCommand command, Change change) {
    var eventId = RewardsEvent.idFor(command.commandId());
    if (command instanceof EarnPoints earn) {
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
          change.at());
    }
    RedeemPoints redeem = (RedeemPoints) command;
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
}
