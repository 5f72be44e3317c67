package dev.rewards.ledger.account;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.ledger.account.CommandLog.Decision;
import dev.rewards.ledger.account.CommandLog.PreparedDecision;
import dev.rewards.ledger.account.CommandLog.RecordedDecision;
import dev.rewards.ledger.rules.Account;
import dev.rewards.ledger.rules.PastEntries;
import dev.rewards.support.cache.BalanceCache.CachedBalance;
import dev.rewards.support.cache.BalanceCache.NextExpiry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The commands of one polled batch, as the ledger applies them. Their accounts and earlier
 * decisions are read for the whole batch at once; commands are decided in memory, in order; and
 * {@link #flush()} writes the changed accounts (the commit point), then the ledger entries and
 * decisions, each kind in one bulk write rather than one round trip per command.
 *
 * <p>Once its account is written, an applied command is remembered by the account's journal until
 * its decision is written; a crash in between is repaired from the journal. So no account may have
 * more unwritten decisions than its journal safely holds: the batch flushes early when one would.
 */
public final class LedgerBatch {

  private final AccountStore accounts;
  private final LedgerEntries entries;
  private final CommandLog commandLog;
  private final int maxUnwrittenPerAccount;
  private final Map<UUID, RecordedDecision> decided;
  private final Map<String, Account> accountsRead;
  private final List<LedgerEntries.Entry> unwrittenEntries = new ArrayList<>();
  private final List<PreparedDecision> unwritten = new ArrayList<>();
  private final Map<String, Integer> unwrittenPerAccount = new HashMap<>();
  private final Map<String, LedgerOutcome> latestPerUser = new HashMap<>();
  private final CorrectionTargets correctionTargets;

  LedgerBatch(
      AccountStore accounts,
      LedgerEntries entries,
      CommandLog commandLog,
      int maxUnwrittenPerAccount,
      Map<UUID, RecordedDecision> recorded,
      Map<String, Account> accountsRead,
      CorrectionTargets correctionTargets) {
    this.accounts = accounts;
    this.entries = entries;
    this.commandLog = commandLog;
    this.maxUnwrittenPerAccount = maxUnwrittenPerAccount;
    this.decided = new HashMap<>(recorded);
    this.accountsRead = Map.copyOf(accountsRead);
    this.correctionTargets = correctionTargets;
    // decisions read with the batch include the holds its captures and releases name
    recorded.values().forEach(d -> correctionTargets.noteHold(d.outcome().event()));
  }

  /** The purchases and redemptions the batch's corrections name, as of the command at hand. */
  PastEntries pastEntries() {
    return correctionTargets;
  }

  /** The outcome already decided for this command, in the log or earlier in this batch. */
  Optional<LedgerOutcome> decided(UUID commandId, String source) {
    return Optional.ofNullable(decided.get(commandId)).map(d -> d.seenFrom(source));
  }

  /** The user's account as this batch has changed it so far (read with the batch). */
  Account account(String userId) {
    return Objects.requireNonNull(
        accountsRead.get(userId), () -> userId + " has no command in this batch");
  }

  /** Writes what is unwritten if the account could not take one more unwritten command. */
  void makeRoomFor(String userId) {
    if (unwrittenPerAccount.getOrDefault(userId, 0) >= maxUnwrittenPerAccount) {
      flush();
    }
  }

  /**
   * Adds a decided command, its entry and decision built now, so that whatever about them could
   * fail fails here, for this command, before anything of the batch is written.
   */
  void add(RewardsCommand command, LedgerOutcome outcome, String source) {
    List<LedgerEntries.Entry> entries = LedgerEntries.entriesFor(command, outcome);
    PreparedDecision decision = CommandLog.prepare(new Decision(command, outcome, source));
    unwrittenEntries.addAll(entries);
    unwritten.add(decision);
    if (outcome.hasAccountState()) {
      unwrittenPerAccount.merge(command.userId(), 1, Integer::sum);
    }
    decided.put(command.commandId(), new RecordedDecision(outcome, source));
    seen(command, outcome);
  }

  /**
   * Notes an outcome of this batch, decided now or before: for the corrections after it, and for
   * {@link #balancesToCache()}.
   */
  void seen(RewardsCommand command, LedgerOutcome outcome) {
    correctionTargets.note(command, outcome);
    String userId = command.userId();
    if (!outcome.hasAccountState()) {
      return; // a rejected command left no balance to cache
    }
    latestPerUser.merge(
        userId,
        outcome,
        (earlier, later) -> later.accountVersion() >= earlier.accountVersion() ? later : earlier);
  }

  /** The newest outcome of each user this batch touched. */
  public Map<String, LedgerOutcome> latestPerUser() {
    return Map.copyOf(latestPerUser);
  }

  /**
   * The accounts of the users this batch decided commands for, as written: at least as new as every
   * outcome the batch announces, so caching them keeps the cache from ever lagging one.
   */
  public Map<String, CachedBalance> balancesToCache() {
    Map<String, CachedBalance> balances = new HashMap<>();
    for (String userId : latestPerUser.keySet()) {
      Account account = accountsRead.get(userId);
      balances.put(
          userId,
          new CachedBalance(
              account.storedVersion(),
              account.balance(),
              account.lifetimePoints(),
              account
                  .lots()
                  .nextExpiry()
                  .map(next -> new NextExpiry(next.at(), next.points()))
                  .orElse(null),
              account.heldPoints()));
    }
    return balances;
  }

  /**
   * Writes the changed accounts, then the ledger entries, then the decisions of the commands
   * applied since the last flush. In this order: an account write is the commit point, and a
   * decision in the log is taken as final, so its entry must already exist.
   *
   * @throws AccountContentionException if an account changed since read; nothing may be announced
   */
  public void flush() {
    if (unwritten.isEmpty()) {
      return;
    }
    accounts.write(accountsRead.values());
    entries.recordAll(unwrittenEntries);
    commandLog.decideAll(unwritten);
    unwrittenEntries.clear();
    unwritten.clear();
    unwrittenPerAccount.clear();
  }
}
