package dev.rewards.ledger.account;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.account.CommandLog.Decision;
import dev.rewards.ledger.account.CommandLog.RecordedDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The commands of one polled batch, as the ledger applies them: decisions already in the command
 * log are read for the whole batch at once, and the ledger entries and decisions of newly applied
 * commands are written together by {@link #flush()} rather than one round trip each.
 *
 * <p>Until flushed, a newly applied command is remembered only by its account's journal; a crash
 * then is repaired from the journal as before. So no account may have more unwritten commands than
 * its journal safely holds: the batch flushes early when one would.
 */
public final class LedgerBatch {

  private final LedgerEntries entries;
  private final CommandLog commandLog;
  private final int maxUnwrittenPerAccount;
  private final Map<UUID, RecordedDecision> decided;
  private final List<Decision> unwritten = new ArrayList<>();
  private final Map<String, Integer> unwrittenPerAccount = new HashMap<>();

  LedgerBatch(
      LedgerEntries entries,
      CommandLog commandLog,
      int maxUnwrittenPerAccount,
      Map<UUID, RecordedDecision> recorded) {
    this.entries = entries;
    this.commandLog = commandLog;
    this.maxUnwrittenPerAccount = maxUnwrittenPerAccount;
    this.decided = new HashMap<>(recorded);
  }

  /** The outcome already decided for this command, in the log or earlier in this batch. */
  Optional<LedgerOutcome> decided(UUID commandId, String source) {
    return Optional.ofNullable(decided.get(commandId)).map(d -> d.seenFrom(source));
  }

  /** Writes what is unwritten if the account could not take one more unwritten command. */
  void makeRoomFor(String userId) {
    if (unwrittenPerAccount.getOrDefault(userId, 0) >= maxUnwrittenPerAccount) {
      flush();
    }
  }

  void add(RewardsCommand command, LedgerOutcome outcome, String source) {
    unwritten.add(new Decision(command, outcome, source));
    unwrittenPerAccount.merge(command.userId(), 1, Integer::sum);
    decided.put(command.commandId(), new RecordedDecision(outcome, source));
  }

  /**
   * Writes the ledger entries, then the decisions, of the commands applied since the last flush.
   * Entries first: a decision in the log is taken as final, so its entry must already exist.
   */
  public void flush() {
    if (unwritten.isEmpty()) {
      return;
    }
    List<RewardsEvent> outcomes = unwritten.stream().map(d -> d.outcome().event()).toList();
    entries.recordAll(outcomes);
    commandLog.decideAll(unwritten);
    unwritten.clear();
    unwrittenPerAccount.clear();
  }
}
