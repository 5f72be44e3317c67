package dev.rewards.ledger.account;

import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CaptureHold;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.CommandRules;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.ReleaseHold;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.ledger.rules.Account;
import dev.rewards.ledger.rules.Change;
import dev.rewards.ledger.rules.Decisions;
import dev.rewards.ledger.rules.PointsValidity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Applies commands to the ledger, exactly once in effect.
 *
 * <p>A command is decided in memory against its account as read for the batch; the account write at
 * the batch's flush is the commit point. Before it, nothing has happened; after it, the command's
 * change is in the account journal, from which the same outcome is rebuilt however often the
 * command comes again. The entry and command-log writes that follow are idempotent, so a crash
 * between any two writes is repaired by simply applying the command again.
 */
public class PointsLedger {

  /** Attempts of {@link #apply(RewardsCommand, String)} on an account others keep changing. */
  private static final int MAX_ATTEMPTS = 100;

  private final AccountStore accounts;
  private final LedgerEntries entries;
  private final CommandLog commandLog;
  private final Clock clock;
  private final int maxUnwrittenPerAccount;
  private final PointsValidity validity;

  /** With the default validity of earned points, a year. */
  public PointsLedger(
      AccountStore accounts, LedgerEntries entries, CommandLog commandLog, Clock clock) {
    this(accounts, entries, commandLog, clock, new PointsValidity(Duration.ofDays(365)));
  }

  public PointsLedger(
      AccountStore accounts,
      LedgerEntries entries,
      CommandLog commandLog,
      Clock clock,
      PointsValidity validity) {
    this.validity = validity;
    this.accounts = accounts;
    this.entries = entries;
    this.commandLog = commandLog;
    this.clock = clock;
    // half the journal: the rest is margin for a second instance briefly applying the same
    // partition's commands while it moves during a rebalance
    this.maxUnwrittenPerAccount = Math.max(1, accounts.journalLength() / 2);
  }

  /**
   * Starts a batch of commands, reading their accounts and earlier decisions in one query each.
   *
   * @param commands the commands the batch will apply (duplicates allowed)
   */
  public LedgerBatch startBatch(Collection<? extends RewardsCommand> commands) {
    Set<UUID> commandIds = new HashSet<>();
    Set<String> userIds = new HashSet<>();
    List<RefundPurchase> refunds = new ArrayList<>();
    List<CancelRedemption> cancellations = new ArrayList<>();
    for (RewardsCommand command : commands) {
      commandIds.add(command.commandId());
      userIds.add(command.userId());
      if (command instanceof CaptureHold capture && capture.holdId() != null) {
        commandIds.add(capture.holdId()); // whether the hold ever existed is in its decision
      } else if (command instanceof ReleaseHold release && release.holdId() != null) {
        commandIds.add(release.holdId());
      }
      if (command instanceof RefundPurchase refund && CommandRules.isValid(refund)) {
        refunds.add(refund);
      } else if (command instanceof CancelRedemption cancel && CommandRules.isValid(cancel)) {
        cancellations.add(cancel);
      }
    }
    // decisions before entries: an entry is written before its decision, so every decision read
    // here has its entry in what is read next
    var decisions = commandLog.decisionsOf(commandIds);
    var accountsRead = accounts.read(userIds);
    CorrectionTargets targets =
        refunds.isEmpty() && cancellations.isEmpty()
            ? CorrectionTargets.none()
            : CorrectionTargets.read(
                entries.purchasesNamedBy(refunds), entries.redemptionsNamedBy(cancellations));
    return new LedgerBatch(
        accounts, entries, commandLog, maxUnwrittenPerAccount, decisions, accountsRead, targets);
  }

  /**
   * Decides the command (or finds how it was decided before) and returns its outcome. Its account
   * change, ledger entry and decision are written when the batch is flushed.
   *
   * @param source identifies the record that carried the command (topic, partition, offset), to
   *     tell a redelivery of the same record from a duplicate record
   */
  public LedgerOutcome apply(RewardsCommand command, String source, LedgerBatch batch) {
    Optional<LedgerOutcome> decided = batch.decided(command.commandId(), source);
    if (decided.isPresent()) {
      batch.seen(command, decided.get());
      return decided.get();
    }
    Optional<CommandRules.Violation> invalid = CommandRules.firstViolation(command);
    if (invalid.isPresent()) {
      // checked before anything is written: the API refuses such commands, so one here was put
      // on the topic some other way, and must be answered, not half-applied
      LedgerOutcome rejected =
          new LedgerOutcome(
              Decisions.invalidCommand(command, invalid.get(), now()),
              LedgerOutcome.NO_ACCOUNT,
              LedgerOutcome.NO_ACCOUNT,
              true);
      batch.add(command, rejected, source);
      return rejected;
    }
    batch.makeRoomFor(command.userId());
    Account account = batch.account(command.userId());
    Change change =
        account
            .find(command.commandId())
            .orElseGet(
                () -> Decisions.decide(command, account, batch.pastEntries(), validity, now()));
    LedgerOutcome outcome =
        new LedgerOutcome(
            Decisions.outcomeOf(command, change),
            change.version(),
            change.balanceAfter(),
            true,
            change.takenFrom());
    batch.add(command, outcome, source);
    return outcome;
  }

  /**
   * Applies one command as a batch of its own, everything written before it returns; decided again
   * if its account changed meanwhile. For tests and tools: the listener applies polled batches.
   */
  public LedgerOutcome apply(RewardsCommand command, String source) {
    AccountContentionException contention = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      LedgerBatch batch = startBatch(List.of(command));
      LedgerOutcome outcome = apply(command, source, batch);
      try {
        batch.flush();
        return outcome;
      } catch (AccountContentionException e) {
        contention = e;
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000)); // let others by
      }
    }
    throw contention;
  }

  /**
   * Records a command rejected without being applied (dead-lettered), see {@link
   * CommandLog#recordRejection}.
   */
  public boolean recordRejection(CommandRejected rejection, String source) {
    return commandLog.recordRejection(rejection, source);
  }

  /** Millisecond precision: the store keeps no more, and a rebuilt outcome must be identical. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
